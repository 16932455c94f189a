/*
 * The diagnostics a feedback record carries (issue #14): built only from what the clerk agreed to send. Ticking
 * 附带诊断信息 adds recent errors (time and message only, with long digit runs masked so an invoice number or tax
 * id that slipped into a message does not travel), the sync and backup state, the app version, locale and screen.
 * Invoice contents travel only when 附带当前发票内容 is ticked as well, and only when the screen shows an invoice.
 */

/** One uncaught error or unhandled rejection the shell noticed. */
export interface RecentError {
  readonly at: string;
  readonly message: string;
}

/** The sync state as the diagnostics report it. */
export interface SyncDiagnostics {
  readonly pending: number;
  readonly rejected: number;
  readonly conflicts: number;
  /** ISO time of the last successful sync ('' = never). */
  readonly lastSuccess: string;
  /** The kind of the last sync error ('' = none). */
  readonly lastErrorKind: string;
}

/** The backup state as the diagnostics report it ('' = never). */
export interface BackupDiagnostics {
  readonly lastBackup: string;
  readonly lastVerified: string;
}

/** Everything the diagnostics may be built from; the two flags decide what is used. */
export interface DiagnosticsInput {
  readonly includeDiagnostics: boolean;
  readonly includeInvoiceContent: boolean;
  readonly appVersion: string;
  readonly locale: string;
  readonly screen: string;
  readonly errors: readonly RecentError[];
  readonly sync: SyncDiagnostics;
  readonly backup: BackupDiagnostics;
  /** The fields of the invoice on screen (undefined when the screen shows none). */
  readonly invoice?: Readonly<Record<string, unknown>> | undefined;
}

/** The diagnostics object saved with a feedback record. */
export interface Diagnostics {
  readonly appVersion?: string;
  readonly locale?: string;
  readonly screen?: string;
  readonly errors?: readonly RecentError[];
  readonly sync?: SyncDiagnostics;
  readonly backup?: BackupDiagnostics;
  readonly invoice?: Readonly<Record<string, unknown>>;
}

/** How many recent errors the diagnostics keep. */
export const MAX_RECENT_ERRORS = 20;
const MAX_MESSAGE = 300;

/** An error message cut short, with runs of 8+ digits or letters-and-digits (numbers, tax ids) masked. */
export function scrubMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? '';
  return firstLine.replace(/[0-9A-Z]{8,}/g, (m) => (/\d/.test(m) ? '…' : m)).slice(0, MAX_MESSAGE);
}

/** The diagnostics the clerk agreed to send, or null when neither box is ticked. */
export function buildDiagnostics(input: DiagnosticsInput): Diagnostics | null {
  const invoice = input.includeInvoiceContent && input.invoice ? { invoice: { ...input.invoice } } : {};
  if (!input.includeDiagnostics) return 'invoice' in invoice ? invoice : null;
  return {
    appVersion: input.appVersion,
    locale: input.locale,
    screen: input.screen,
    errors: input.errors.slice(-MAX_RECENT_ERRORS).map((e) => ({ at: e.at, message: scrubMessage(e.message) })),
    sync: { ...input.sync },
    backup: { ...input.backup },
    ...invoice,
  };
}
