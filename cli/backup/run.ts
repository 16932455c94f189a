// `npm run backup -- <command>`: runs one command over shared/backup and returns the exit status.
import { readdir, readFile } from 'node:fs/promises';
import {
  backupErrorMessage, backupExitCode, changePassword, createSnapshot, initRepository, listSnapshots, newRecoveryKey, openRepository,
  pruneSnapshots, restoreSnapshot, setRecoveryKey, verifyRepository, type BackupError, type Repository,
} from '../../shared/backup/index';
import type { Locale } from '../../shared/i18n/translate';
import { parseBackupArgs, USAGE, type BackupArgs } from './args';
import { writeDemoExport } from './demo-export';
import { FsExportSink, FsExportSource } from './fs-export';
import { FsRepoStore } from './fs-repo-store';
import { cliMessage, mb } from './messages';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: { readonly LANG?: string | undefined };
}

class CliFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readPassword(path: string, locale: Locale): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliFailure(1, cliMessage(locale, 'passwordFile', { path, detail: (e as { code?: string }).code ?? String(e) }));
  }
  const password = text.replace(/\r?\n$/, '');
  if (password === '') throw new CliFailure(1, cliMessage(locale, 'passwordEmpty', { path }));
  return password;
}

async function isEmptyFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return true;
    throw e;
  }
}

function fail(error: BackupError, locale: Locale): never {
  throw new CliFailure(backupExitCode(error), backupErrorMessage(error, locale));
}

async function open(repoPath: string, passwordFile: string, locale: Locale): Promise<Repository> {
  const opened = await openRepository(new FsRepoStore(repoPath), await readPassword(passwordFile, locale));
  if (!opened.ok) fail(opened.error, locale);
  return opened.value;
}

async function run(args: Exclude<BackupArgs, { kind: 'help' | 'usage' }>, io: CliIo): Promise<void> {
  const { locale } = args;
  switch (args.kind) {
    case 'create': {
      const store = new FsRepoStore(args.to);
      const password = await readPassword(args.passwordFile, locale);
      let repo: Repository;
      if ((await store.read('repo.hdr')) === null && (await isEmptyFolder(args.to))) {
        const made = await initRepository(store, password);
        if (!made.ok) fail(made.error, locale);
        repo = made.value;
        io.out(cliMessage(locale, 'initialised', { path: args.to }));
      } else {
        const opened = await openRepository(store, password);
        if (!opened.ok) fail(opened.error, locale);
        repo = opened.value;
      }
      const made = await createSnapshot(repo, new FsExportSource(args.from));
      if (!made.ok) fail(made.error, locale);
      const s = made.value;
      io.out(cliMessage(locale, 'created', { id: s.id, seq: s.seq, mb: mb(s.bytes), written: mb(s.bytesWritten) }));
      return;
    }
    case 'extract': {
      if (!(await isEmptyFolder(args.to))) throw new CliFailure(1, cliMessage(locale, 'notEmpty', { path: args.to }));
      const repo = await open(args.repo, args.passwordFile, locale);
      const restored = await restoreSnapshot(repo, args.snapshot, new FsExportSink(args.to));
      if (!restored.ok) fail(restored.error, locale);
      const s = restored.value;
      io.out(cliMessage(locale, 'extracted', { id: s.id, path: args.to, files: s.attachments + Object.keys(s.tables).length + 1, mb: mb(s.bytes) }));
      return;
    }
    case 'verify': {
      const password = args.passwordFile === null ? undefined : await readPassword(args.passwordFile, locale);
      const checked = await verifyRepository(new FsRepoStore(args.repo), { level: args.level, ...(password === undefined ? {} : { password }) });
      if (!checked.ok) fail(checked.error, locale);
      const r = checked.value;
      io.out(cliMessage(locale, 'verified', { level: r.level, snapshots: r.snapshots, packs: r.packs, mb: mb(r.bytesChecked) }));
      if (r.unreferencedPacks.length > 0) io.out(cliMessage(locale, 'unreferenced', { count: r.unreferencedPacks.length }));
      return;
    }
    case 'list': {
      const repo = await open(args.repo, args.passwordFile, locale);
      const listed = await listSnapshots(repo);
      if (!listed.ok) fail(listed.error, locale);
      if (listed.value.snapshots.length === 0) io.out(cliMessage(locale, 'listEmpty'));
      else io.out(cliMessage(locale, 'listHeader'));
      for (const s of listed.value.snapshots) {
        io.out(`${String(s.seq).padEnd(5)} ${s.id}  ${s.createdAt.padEnd(25)} ${String(s.tables['invoices'] ?? 0).padStart(8)}  ${String(s.attachments).padStart(6)}  ${mb(s.bytes).padStart(9)}`);
      }
      for (const d of listed.value.damaged) io.err(cliMessage(locale, 'listDamaged', { path: d.path }));
      if (listed.value.damaged.length > 0) throw new CliFailure(3, '');
      return;
    }
    case 'prune': {
      const repo = await open(args.repo, args.passwordFile, locale);
      const pruned = await pruneSnapshots(repo, { keepLast: args.keepLast, keepDaily: args.keepDaily, keepWeekly: args.keepWeekly, keepMonthly: args.keepMonthly });
      if (!pruned.ok) fail(pruned.error, locale);
      const p = pruned.value;
      io.out(cliMessage(locale, 'pruned', { kept: p.kept.length, removed: p.removedSnapshots.length, packs: p.removedPacks, mb: mb(p.bytesFreed) }));
      return;
    }
    case 'passwd': {
      const secret = await readPassword(args.passwordFile, locale);
      const changed = await changePassword(new FsRepoStore(args.repo), secret, await readPassword(args.newPasswordFile, locale));
      if (!changed.ok) fail(changed.error, locale);
      io.out(cliMessage(locale, 'passwd'));
      return;
    }
    case 'recovery-key': {
      const key = newRecoveryKey();
      const set = await setRecoveryKey(new FsRepoStore(args.repo), await readPassword(args.passwordFile, locale), key);
      if (!set.ok) fail(set.error, locale);
      io.err(cliMessage(locale, 'recoveryKey'));
      io.out(key);
      return;
    }
    case 'demo': {
      if (!(await isEmptyFolder(args.to))) throw new CliFailure(1, cliMessage(locale, 'notEmpty', { path: args.to }));
      const { bytes } = await writeDemoExport(args.to, { invoices: args.invoices, attachments: args.attachments, seed: args.seed });
      io.out(cliMessage(locale, 'demo', { path: args.to, invoices: args.invoices, attachments: args.attachments, mb: mb(bytes) }));
      return;
    }
  }
}

/** Runs the CLI; resolves to the exit status (0 ok, 2 wrong password, 3 damaged, 4 newer/unsafe, 1 otherwise). */
export async function runBackupCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseBackupArgs(argv, io.env);
  if (args.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (args.kind === 'usage') {
    io.err(`${cliMessage(args.locale, 'usage', { detail: args.message })}\n${USAGE}`);
    return 1;
  }
  try {
    await run(args, io);
    return 0;
  } catch (e) {
    if (e instanceof CliFailure) {
      if (e.message !== '') io.err(e.message);
      return e.status;
    }
    io.err(cliMessage(args.locale, 'io', { detail: e instanceof Error ? e.message : String(e) }));
    return 1;
  }
}
