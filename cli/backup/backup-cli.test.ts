// The backup CLI's real commands on real folders: demo → create → verify → extract gives byte-identical files,
// and each fault gives its exit status and a message naming what is damaged. Uses the default (production)
// Argon2id parameters, so each command that opens the repository spends about a second on the key.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupCli } from './run';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';
let pw = '';

async function cli(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runBackupCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: { LANG: 'en_US.UTF-8' } });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

function listFiles(root: string, sub = ''): string[] {
  return readdirSync(join(root, sub), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listFiles(root, join(sub, d.name)) : [join(sub, d.name)])).sort();
}

function sameTree(a: string, b: string): boolean {
  const files = listFiles(a);
  return JSON.stringify(files) === JSON.stringify(listFiles(b)) && files.every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

/** A copy of the healthy repository to damage. */
function copyRepo(name: string): string {
  const to = join(dir, name);
  cpSync(join(dir, 'repo'), to, { recursive: true });
  return to;
}

const packsOf = (repo: string) => readdirSync(join(repo, 'packs')).map((n) => join(repo, 'packs', n));

function flipByte(path: string, at: (n: number) => number): void {
  const bytes = readFileSync(path);
  const i = at(bytes.length);
  bytes[i] = (bytes[i] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'backup-cli-'));
  pw = join(dir, 'password.txt');
  writeFileSync(pw, '发票 correct horse battery\n');
  expect((await cli('demo', '--to', join(dir, 'export'), '--invoices', '1500', '--attachments', '6')).status).toBe(0);
  expect((await cli('create', '--from', join(dir, 'export'), '--to', join(dir, 'repo'), '--password-file', pw)).status).toBe(0);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('demo → create → verify (0, 1, 2) → list → extract gives byte-identical files', async () => {
    for (const level of ['0', '1', '2']) {
      const v = await cli('verify', join(dir, 'repo'), '--password-file', pw, '--level', level);
      expect(v.status, v.err).toBe(0);
    }
    const listed = await cli('list', join(dir, 'repo'), '--password-file', pw);
    expect(listed.out).toContain('1500');
    const out = join(dir, 'extracted');
    const x = await cli('extract', '--to', out, join(dir, 'repo'), '--password-file', pw);
    expect(x.status, x.err).toBe(0);
    expect(sameTree(join(dir, 'export'), out)).toBe(true);
  }, 120_000);

  it('through npm run backup as a child process: verify level 0 exits 0, and without a command exits 1', () => {
    const run = (...args: string[]) => spawnSync('npm', ['run', '-s', 'backup', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run('verify', join(dir, 'repo')).status).toBe(0);
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('usage');
  }, 120_000);

  it('wrong password exits 2', async () => {
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(wrong, 'not it\n');
    const r = await cli('list', join(dir, 'repo'), '--password-file', wrong);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/password or recovery key is wrong/);
  }, 60_000);

  it('a printed recovery key opens the repository wherever a password file is read, and replaces a forgotten password', async () => {
    const repo = copyRepo('recovery');
    const made = await cli('recovery-key', repo, '--password-file', pw);
    expect(made.status).toBe(0);
    const key = made.out.trim();
    expect(key).toMatch(/^([A-Z2-9]{5}-){5}[A-Z2-9]{5}$/);
    const keyFile = join(dir, 'recovery.txt');
    writeFileSync(keyFile, `${key.toLowerCase()}\n`);
    expect((await cli('list', repo, '--password-file', keyFile)).status).toBe(0);
    const fresh = join(dir, 'new-password.txt');
    writeFileSync(fresh, '新的密码 another horse\n');
    const changed = await cli('passwd', repo, '--password-file', keyFile, '--new-password-file', fresh);
    expect(changed.status).toBe(0);
    expect((await cli('list', repo, '--password-file', pw)).status).toBe(2);
    expect((await cli('verify', repo, '--password-file', fresh, '--level', '1')).status).toBe(0);
    expect((await cli('verify', repo, '--password-file', keyFile, '--level', '1')).status).toBe(0);
  }, 60_000);

  it('a flipped byte in a pack exits 3 naming the pack and the records or attachments', async () => {
    const repo = copyRepo('flip-pack');
    const [pack = ''] = packsOf(repo).sort((a, b) => statSync(b).size - statSync(a).size);
    flipByte(pack, (n) => Math.floor(n / 3));
    expect((await cli('verify', repo)).status).toBe(3);
    const r = await cli('verify', repo, '--password-file', pw);
    expect(r.status).toBe(3);
    expect(r.err).toContain(pack.slice(repo.length + 1));
    expect(r.err, r.err).toMatch(/Records affected|Attachments affected/);
    expect((await cli('extract', '--to', join(dir, 'flip-out'), repo, '--password-file', pw)).status).toBe(3);
  }, 60_000);

  it('a flipped byte in the header or in the snapshot manifest exits 3', async () => {
    const header = copyRepo('flip-header');
    flipByte(join(header, 'repo.hdr'), () => 30);
    const h = await cli('list', header, '--password-file', pw);
    expect(h.status).toBe(3);
    expect(h.err).toContain('repo.hdr');
    const snap = copyRepo('flip-snap');
    const [sn = ''] = readdirSync(join(snap, 'snaps'));
    flipByte(join(snap, 'snaps', sn), (n) => n - 50);
    const s = await cli('verify', snap);
    expect(s.status).toBe(3);
    expect(s.err).toContain(sn);
  }, 60_000);

  it('a truncated pack and a missing pack exit 3', async () => {
    const truncated = copyRepo('truncated');
    const [pack = ''] = packsOf(truncated);
    truncateSync(pack, 1000);
    const t = await cli('verify', truncated);
    expect(t.status).toBe(3);
    expect(t.err).toMatch(/truncated/);
    const missing = copyRepo('missing');
    const [gone = ''] = packsOf(missing);
    unlinkSync(gone);
    const m = await cli('verify', missing, '--password-file', pw);
    expect(m.status).toBe(3);
    expect(m.err).toMatch(/missing/);
  }, 60_000);

  it('packs swapped between two repositories exit 3 as belonging to another repository', async () => {
    const other = join(dir, 'other');
    expect((await cli('create', '--from', join(dir, 'export'), '--to', other, '--password-file', pw)).status).toBe(0);
    const repo = copyRepo('swapped');
    const [mine = ''] = packsOf(repo);
    const [theirs = ''] = packsOf(other);
    writeFileSync(mine, readFileSync(theirs));
    const r = await cli('verify', repo, '--password-file', pw);
    expect(r.status).toBe(3);
    expect(r.err).toMatch(/another repository/);
  }, 60_000);

  it('a newer format version and 4 GiB KDF parameters exit 4; a folder that is not a repository exits 1', async () => {
    const newer = copyRepo('newer');
    const hdr = readFileSync(join(newer, 'repo.hdr'), 'utf8').split('\n')[0] ?? '';
    const rewrite = async (repo: string, line: string) => {
      const { createHash } = await import('node:crypto');
      writeFileSync(join(repo, 'repo.hdr'), `${line}\nsha256 ${createHash('sha256').update(`${line}\n`).digest('hex')}\n`);
    };
    await rewrite(newer, hdr.replace('"version":1', '"version":2'));
    const n = await cli('verify', newer, '--password-file', pw);
    expect(n.status).toBe(4);
    expect(n.err).toMatch(/newer version/);
    const huge = copyRepo('huge-kdf');
    await rewrite(huge, hdr.replace('"memoryKiB":65536', '"memoryKiB":4194304'));
    const k = await cli('list', huge, '--password-file', pw);
    expect(k.status).toBe(4);
    expect(k.err).toMatch(/unsafe/);
    const notRepo = await cli('verify', join(dir, 'export'));
    expect(notRepo.status).toBe(1);
    expect(notRepo.err).toMatch(/not a Fapiao Desk backup/);
  }, 60_000);
});
