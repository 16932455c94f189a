// The office sync server: `npm run server` serves; `npm run server -- enroll | revoke DEVICE | new-epoch |
// verify-audit | fingerprint` administers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from './app';
import { verdictLine, verifyStoredChains } from './audit/verify-audit';
import { hashSecret, newEnrollmentCode, normalizeEnrollmentCode } from './auth';
import { PgStore } from './store/pg-store';
import { SqliteStore } from './store/sqlite-store';
import type { SyncStore } from './store/store';
import { fingerprintLine, tlsBanner } from './tls/tls-banner';
import { resolveTls, type TlsPlan } from './tls/tls-config';

const USAGE = `Usage: npm run server [-- COMMAND]
  (no command)     serve the sync API on HOST:PORT (default 127.0.0.1:8787)
  enroll           print one single-use enrollment code for a new device
  revoke DEVICE    revoke a device's token (it gets 401 from then on)
  new-epoch        give the database a new epoch (run after restoring it from a backup)
  verify-audit     re-verify every device's audit chain stored on this server; exits 1 naming the first bad entry
  fingerprint      print the SHA-256 fingerprint of the certificate the server serves (makes it on first use)
Environment: DATABASE_URL=postgres://… uses PostgreSQL; otherwise SQLite in FAPIAO_DATA_DIR (default ./data).
HTTPS: on any HOST but loopback the server serves HTTPS with a self-signed certificate it makes once and keeps in
<FAPIAO_DATA_DIR>/tls/; TLS_CERT=cert.pem TLS_KEY=key.pem serve those files instead; TLS=on forces HTTPS on loopback.
TLS=off serves plain HTTP for a reverse proxy that terminates TLS: loopback HOST only, unless FAPIAO_ALLOW_PLAIN_HTTP=1.
FAPIAO_ENROLLMENT_CODE registers that code at startup (for automated setups).`;

const dataDir = (): string => resolve(process.env['FAPIAO_DATA_DIR'] ?? 'data');
const listenHost = (): string => process.env['HOST'] ?? '127.0.0.1';

async function openStore(): Promise<SyncStore> {
  const url = process.env['DATABASE_URL'];
  // Test hook only: keeps each push transaction open longer so a crash test can kill the server inside it.
  const pushPauseMs = Number(process.env['FAPIAO_TEST_PUSH_PAUSE_MS'] ?? '0') || 0;
  if (url !== undefined && url !== '') return PgStore.open({ connectionString: url, pushPauseMs });
  return SqliteStore.open(dataDir(), pushPauseMs);
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

async function serve(store: SyncStore, tls: TlsPlan): Promise<void> {
  const preset = process.env['FAPIAO_ENROLLMENT_CODE'];
  if (preset !== undefined && preset !== '') {
    await store.addEnrollmentCode(hashSecret(normalizeEnrollmentCode(preset)), new Date().toISOString());
  }
  const port = Number(process.env['PORT'] ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0-65535, not ${process.env['PORT'] ?? ''}`);
  const host = listenHost();
  const server = await startServer({
    store, host, port, version: appVersion(),
    log: (line) => { console.log(`${new Date().toISOString()} ${line}`); },
    ...(tls.kind === 'https' ? { tls: tls.material } : {}),
  });
  console.log(`Fapiao Desk sync server (${store.kind}) listening on ${server.url} — epoch ${await store.epoch()}`);
  for (const line of tlsBanner(tls, host, Number(new URL(server.url).port))) console.log(line);
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

/** `fingerprint`: the certificate the server would serve with this environment (made now if it is the first use). */
async function fingerprint(): Promise<number> {
  const tls = await resolveTls(process.env, listenHost(), dataDir());
  if (tls.kind === 'https') {
    console.log(fingerprintLine(tls.material.cert));
    return 0;
  }
  console.error(tls.why === 'off'
    ? 'TLS=off: this server serves plain HTTP; devices pin the certificate of the reverse proxy in front of it.'
    : `HOST=${listenHost()} is loopback: the server serves plain HTTP here. Set HOST to the office address (or TLS=on) to serve HTTPS.`);
  return 1;
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command !== undefined && !['enroll', 'revoke', 'new-epoch', 'verify-audit', 'fingerprint'].includes(command)) {
    console.error(`Unknown command "${command}".\n${USAGE}`);
    return 2;
  }
  if (command === 'revoke' && rest.length !== 1) {
    console.error('Usage: npm run server -- revoke DEVICE_ID');
    return 2;
  }
  if (command === 'fingerprint') return fingerprint();
  if (command === undefined) {
    // TLS first: a setting that cannot work stops the server before it opens the database.
    const tls = await resolveTls(process.env, listenHost(), dataDir());
    await serve(await openStore(), tls);
    return -1;
  }
  const store = await openStore();
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
