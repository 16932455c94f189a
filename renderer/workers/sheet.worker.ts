/// <reference lib="webworker" />
/**
 * The spreadsheet worker: reads workbooks (platform exports, bank statements, Excel ledgers), previews ledger
 * imports and reconciles, off the UI thread, one job at a time. Every job answers, even when it throws.
 */
import { withCompanyBuyer } from '../../shared/reconcile/ledger-buyer';
import { previewLedgerImport, type ImportItem } from '../../shared/reconcile/ledger-import';
import { reconcile, type ReconcileInput } from '../../shared/reconcile/match';
import { headerLikeTexts, readBankRows, readLedgerRows, readPlatformRows, readWorkbook, detectSheetKind, type MappingOverride, type SheetProblem, type Workbook, writeWorkbook } from '../../shared/reconcile/sheet';
import type { Result } from '../../shared/domain/result';
import { MAX_ATTENTION, sheetRequestSchema, type FileFacts, type ReadOk, type SheetReply, type SheetRequest } from './sheet-protocol';

const post = (reply: SheetReply) => { self.postMessage(reply); };
/** Previews' invoices to import, by preview id, until imported or forgotten. */
const previews = new Map<number, readonly ImportItem[]>();

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The cells of the sheet's most header-like row (as a 'noColumns' message names them), once each. */
function headerGuess(wb: Workbook, sheet: string | undefined): string[] {
  const chosen = wb.sheets.find((s) => s.name === sheet) ?? wb.sheets[0];
  return [...new Set(chosen ? headerLikeTexts([chosen]) : [])];
}

function overrideOf(m: { columns: Record<string, string>; sheet?: string | undefined } | undefined): MappingOverride | undefined {
  if (!m) return undefined;
  return m.sheet === undefined ? { columns: m.columns } : { columns: m.columns, sheet: m.sheet };
}

/** Reads the workbook as the kind the clerk picked it as (a 勾选 export counts as a platform list). */
function readAs(want: 'platform' | 'bank', wb: Workbook, mapping: MappingOverride | undefined): Result<ReadOk, SheetProblem> {
  if (want === 'bank') {
    const r = readBankRows(wb, mapping);
    return r.ok ? { ok: true, value: { kind: 'bank', sheetKind: 'bank', read: r.value } } : r;
  }
  const r = readPlatformRows(wb, mapping);
  const sheetKind = detectSheetKind(wb) === 'check' ? 'check' : 'platform';
  return r.ok ? { ok: true, value: { kind: 'platform', sheetKind, read: r.value } } : r;
}

async function run(req: SheetRequest): Promise<void> {
  if (req.type === 'reconcile') {
    post({ type: 'reconcile', id: req.id, result: { ok: true, value: reconcile(req.input as unknown as ReconcileInput) } });
    return;
  }
  if (req.type === 'items') {
    const items = previews.get(req.previewId);
    post(items
      ? { type: 'items', id: req.id, result: { ok: true, value: items.slice(req.from, req.from + req.count) } }
      : { type: 'items', id: req.id, result: { ok: false, error: { code: 'failed', params: { detail: 'preview gone' } } } });
    return;
  }
  if (req.type === 'forget') {
    previews.delete(req.previewId);
    post({ type: 'forget', id: req.id, result: { ok: true, value: true } });
    return;
  }
  if (req.type === 'write') {
    const bytes = writeWorkbook(req.sheets);
    self.postMessage({ type: 'write', id: req.id, result: { ok: true, value: bytes } } satisfies SheetReply, [bytes.buffer]);
    return;
  }
  const sha256 = await sha256Hex(req.bytes);
  const wb = readWorkbook(req.bytes, req.name);
  const facts = (sheet?: string): FileFacts => ({
    name: req.name, sha256, sheets: wb.ok ? wb.value.sheets.map((s) => s.name) : [], headers: wb.ok ? headerGuess(wb.value, sheet) : [],
  });
  if (req.type === 'read') {
    if (!wb.ok) { post({ type: 'read', id: req.id, facts: facts(), result: wb }); return; }
    const mapping = overrideOf(req.mapping);
    const result = readAs(req.want, wb.value, mapping);
    post({ type: 'read', id: req.id, facts: facts(result.ok ? result.value.read.sheet : req.mapping?.sheet), result });
    return;
  }
  if (!wb.ok) { post({ type: 'ledgerPreview', id: req.id, facts: facts(), result: wb }); return; }
  const read = readLedgerRows(wb.value, overrideOf(req.mapping));
  if (!read.ok) { post({ type: 'ledgerPreview', id: req.id, facts: facts(req.mapping?.sheet), result: read }); return; }
  const { rows: sheetRows, ...rest } = read.value;
  // A purchase ledger without buyer columns: the clerk said the company is every row's buyer.
  const rows = req.buyer ? withCompanyBuyer(sheetRows, req.buyer) : sheetRows;
  const preview = previewLedgerImport(rows, { hard: req.hard, soft: req.soft }, { today: req.today }, rest.rowProblems);
  previews.set(req.id, preview.items);
  // Refused rows first (they are what the clerk must fix), then duplicates, then warnings; each in row order.
  const rank = { error: 0, unreadable: 0, duplicateInLedger: 1, duplicateInFile: 1, new: 2 } as const;
  const attention = preview.outcomes.filter((o) => o.kind !== 'new' || o.warnings.length > 0).sort((a, b) => rank[a.kind] - rank[b.kind] || a.row - b.row);
  post({
    type: 'ledgerPreview', id: req.id, facts: facts(rest.sheet),
    result: { ok: true, value: { read: rest, previewId: req.id, counts: preview.counts, attention: attention.slice(0, MAX_ATTENTION), attentionTotal: attention.length } },
  });
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = sheetRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const req = parsed.data;
  run(req).catch((e: unknown) => {
    const detail = e instanceof Error ? e.message : String(e);
    if (req.type === 'reconcile' || req.type === 'write' || req.type === 'items' || req.type === 'forget') post({ type: req.type, id: req.id, result: { ok: false, error: { code: 'failed', params: { detail } } } });
    else post({ type: req.type, id: req.id, facts: { name: req.name, sha256: '', sheets: [], headers: [] }, result: { ok: false, error: { code: 'unreadable', params: { file: req.name } } } });
  });
};
