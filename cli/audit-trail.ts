// `npm run audit-trail -- verify EXPORT.xlsx`: see cli/audit-trail-run.ts and docs/audit.md.
import { readFileSync, statSync } from 'node:fs';
import { EXIT } from './audit-trail-args';
import { runAuditTrail } from './audit-trail-run';

runAuditTrail(process.argv.slice(2), {
  fileSize: (path) => statSync(path).size,
  readFile: (path) => new Uint8Array(readFileSync(path)),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}, process.env).then(
  (status) => { process.exitCode = status; },
  (e: unknown) => {
    process.stderr.write(`audit-trail: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
