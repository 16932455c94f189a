// `npm run backup -- <command>`: encrypted, verifiable backups of the plain ledger export (docs/backup-format.md).
import { runBackupCli } from './backup/run';

runBackupCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}).then(
  (status) => { process.exitCode = status; },
  (e: unknown) => {
    process.stderr.write(`backup: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
