// The office sync server: `npm run server` serves; `npm run server -- enroll | revoke DEVICE | new-epoch` administers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from './app';
import { verdictLine, verifyStoredChains } from './audit/verify-audit';
import { hashSecret, newEnrollmentCode, normalizeEnrollmentCode } from './auth';
import { PgStore } from './store/pg-store';
import { SqliteStore } from './store/sqlite-store';
import type { SyncStore } from './store/store';

const USAGE = `Usage: npm run server [-- COMMAND]
  (no command)     serve the sync API on HOST:PORT (default 127.0.0.1:8787)
  enroll           print one single-use enrollment code for a new device
  revoke DEVICE    revoke a device's token (it gets 401 from then on)
  new-epoch        give the database a new epoch (run after restoring it from a backup)
  verify-audit     re-verify every device's audit chain stored on this server; exits 1 naming the first bad entry
Environment: DATABASE_URL=postgres://… uses PostgreSQL; otherwise SQLite in FAPIAO_DATA_DIR (default ./data).
FAPIAO_ENROLLMENT_CODE registers that code at startup (for automated setups).`;

async function openStore(): Promise<SyncStore> {
  const url = process.env['DATABASE_URL'];
  // Test hook only: keeps each push transaction open longer so a crash test can kill the server inside it.
  const pushPauseMs = Number(process.env['FAPIAO_TEST_PUSH_PAUSE_MS'] ?? '0') || 0;
  if (url !== undefined && url !== '') return PgStore.open({ connectionString: url, pushPauseMs });
  return SqliteStore.open(resolve(process.env['FAPIAO_DATA_DIR'] ?? 'data'), pushPauseMs);
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

async function serve(store: SyncStore): Promise<void> {
  const preset = process.env['FAPIAO_ENROLLMENT_CODE'];
  if (preset !== undefined && preset !== '') {
    await store.addEnrollmentCode(hashSecret(normalizeEnrollmentCode(preset)), new Date().toISOString());
  }
  const port = Number(process.env['PORT'] ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0-65535, not ${process.env['PORT'] ?? ''}`);
  const server = await startServer({
    store, host: process.env['HOST'] ?? '127.0.0.1', port, version: appVersion(),
    log: (line) => { console.log(`${new Date().toISOString()} ${line}`); },
  });
  console.log(`Fapiao Desk sync server (${store.kind}) listening on ${server.url} — epoch ${await store.epoch()}`);
  const stop = (): void => {
    void server.close().then(() => store.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function verifyAudit(store: SyncStore): Promise<number> {
  const verdicts = await verifyStoredChains(store);
  for (const v of verdicts) console.log(verdictLine(v));
  const broken = verdicts.filter((v) => !v.ok).length;
  if (verdicts.length === 0) console.log('No audit entries on this server yet.');
  else if (broken === 0) console.log(`All ${verdicts.length} audit chains verify.`);
  else console.log(`${broken} of ${verdicts.length} audit chains are broken.`);
  return broken === 0 ? 0 : 1;
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command !== undefined && !['enroll', 'revoke', 'new-epoch', 'verify-audit'].includes(command)) {
    console.error(`Unknown command "${command}".\n${USAGE}`);
    return 2;
  }
  if (command === 'revoke' && rest.length !== 1) {
    console.error('Usage: npm run server -- revoke DEVICE_ID');
    return 2;
  }
  const store = await openStore();
  if (command === undefined) {
    await serve(store);
    return -1;
  }
  try {
    const now = new Date().toISOString();
    if (command === 'enroll') {
      const code = newEnrollmentCode();
      await store.addEnrollmentCode(hashSecret(normalizeEnrollmentCode(code)), now);
      console.log(code);
    } else if (command === 'revoke') {
      const device = rest[0] ?? '';
      if (!(await store.revoke(device, now))) {
        console.error(`No device "${device}".`);
        return 1;
      }
      console.log(`Revoked ${device}.`);
    } else if (command === 'verify-audit') {
      return await verifyAudit(store);
    } else {
      console.log(`New epoch ${await store.newEpoch()}: devices will re-send what this database lacks and pull again.`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exitCode = code; },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
