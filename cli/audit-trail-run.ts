/*
 * `npm run audit-trail -- verify EXPORT.xlsx`: reads an audit trail export and verifies it from the file alone
 * (shared/audit/audit-export-verify.ts). OK with the count and head hash on stdout; otherwise the first bad row,
 * or why the file is not an export, on stderr. Exit statuses are in AUDIT_TRAIL_USAGE and docs/audit.md.
 */
import { basename } from 'node:path';
import { prepareAuditHashing } from '../shared/audit/audit-chain';
import { auditExportOkText, auditExportProblemText } from '../shared/audit/audit-export-messages';
import { verifyAuditExportFile } from '../shared/audit/audit-export-verify';
import { checkSheetSize, problemMessage } from '../shared/reconcile/sheet';
import { AUDIT_TRAIL_USAGE, EXIT, parseAuditTrailArgs } from './audit-trail-args';
import { auditTrailMessage } from './audit-trail-messages';

/** The file access the command needs (injected so tests run in-process). */
export interface AuditTrailIo {
  fileSize(path: string): number;
  readFile(path: string): Uint8Array;
  out(line: string): void;
  err(line: string): void;
}

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : String(e);
}

/** Runs the command; returns the exit status. */
export async function runAuditTrail(argv: readonly string[], io: AuditTrailIo, env: { readonly LANG?: string | undefined }): Promise<number> {
  const args = parseAuditTrailArgs(argv, env);
  if (args.kind === 'help') {
    io.out(AUDIT_TRAIL_USAGE);
    return EXIT.ok;
  }
  if (args.kind === 'usage') {
    io.err(`audit-trail: ${auditTrailMessage(args.locale, 'usage', { detail: args.message })}`);
    io.err(AUDIT_TRAIL_USAGE);
    return EXIT.usage;
  }
  const { file, locale } = args;
  const name = basename(file);
  let bytes: Uint8Array;
  try {
    const size = checkSheetSize(io.fileSize(file), name);
    if (!size.ok) {
      io.err(`audit-trail: ${problemMessage(size.error, locale)}`);
      return EXIT.unreadable;
    }
    bytes = io.readFile(file);
  } catch (e) {
    const code = errorCode(e);
    io.err(`audit-trail: ${code === 'ENOENT' ? auditTrailMessage(locale, 'notFound', { file }) : auditTrailMessage(locale, 'unreadable', { file, reason: code })}`);
    return EXIT.unreadable;
  }
  await prepareAuditHashing();
  const check = verifyAuditExportFile(bytes, name);
  if (!check.ok) {
    io.err(`audit-trail: ${auditExportProblemText(check.problem, locale, name)}`);
    return check.problem.kind === 'entry' || check.problem.kind === 'summary' ? EXIT.broken : EXIT.unreadable;
  }
  io.out(auditExportOkText(check, locale));
  if (args.head === null) return EXIT.ok;
  if (args.head !== check.headHash) {
    io.err(`audit-trail: ${auditTrailMessage(locale, 'headMismatch', { found: check.headHash, expected: args.head })}`);
    return EXIT.broken;
  }
  io.out(auditTrailMessage(locale, 'headMatches'));
  return EXIT.ok;
}
