/**
 * The UI's side of the spreadsheet worker: one worker, started on first use, jobs answered by id. A worker that
 * crashes fails only the jobs it held (as an unreadable file, or a failed run) and is started again next time.
 */
import type { SheetProblem } from '../../shared/reconcile/sheet';
import type { Result } from '../../shared/domain/result';
import type { ImportItem } from '../../shared/reconcile/ledger-import';
import { sheetReplySchema, type JobFailure, type SheetJob, type SheetReplies, type SheetReply } from './sheet-protocol';

type Kind = keyof SheetReplies;
interface Pending { readonly job: SheetJob; readonly resolve: (reply: SheetReply) => void }

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The reply a job gets when the worker died under it. */
function crashReply(id: number, job: SheetJob, detail: string): SheetReply {
  if (job.type !== 'read' && job.type !== 'ledgerPreview') return { type: job.type, id, result: { ok: false, error: { code: 'failed', params: { detail } } } };
  const error: SheetProblem = { code: 'unreadable', params: { file: job.name } };
  return { type: job.type, id, facts: { name: job.name, sha256: '', sheets: [], headers: [] }, result: { ok: false, error } };
}

function start(): Worker {
  const w = new Worker(new URL('./sheet.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<unknown>) => {
    const parsed = sheetReplySchema.safeParse(e.data);
    if (!parsed.success) return;
    const p = pending.get(parsed.data.id);
    if (!p || p.job.type !== parsed.data.type) return;
    pending.delete(parsed.data.id);
    p.resolve(e.data as SheetReply);
  };
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    if (worker === w) worker = null;
    for (const [id, p] of pending) p.resolve(crashReply(id, p.job, e.message || 'worker crashed'));
    pending.clear();
  };
  return w;
}

/** Runs one job in the worker; resolves with its reply (never rejects). */
export function sheetJob<K extends Kind>(job: Extract<SheetJob, { readonly type: K }>): Promise<Extract<SheetReply, { readonly type: K }>> {
  worker ??= start();
  const w = worker;
  const id = nextId++;
  const j = job as SheetJob;
  return new Promise((resolve) => {
    pending.set(id, { job: j, resolve: resolve as (r: SheetReply) => void });
    if (j.type !== 'read' && j.type !== 'ledgerPreview') {
      w.postMessage({ ...j, id });
      return;
    }
    // The worker gets its own copy of the bytes (transferred), so the caller keeps its file for a re-read.
    const copy = j.bytes.slice();
    w.postMessage({ ...j, id, bytes: copy }, [copy.buffer]);
  });
}

/** How many invoices one message brings back: small enough that no single arrival stalls the page. */
const ITEMS_CHUNK = 5_000;

/** The invoices a ledger preview would import, fetched from the worker in slices. */
export async function previewItems(previewId: number, total: number): Promise<Result<ImportItem[], JobFailure>> {
  const items: ImportItem[] = [];
  for (let from = 0; from < total; from += ITEMS_CHUNK) {
    const reply = await sheetJob({ type: 'items', previewId, from, count: ITEMS_CHUNK });
    if (!reply.result.ok) return reply.result;
    items.push(...reply.result.value);
  }
  return { ok: true, value: items };
}

/** Lets the worker drop a preview's invoices. */
export function forgetPreview(previewId: number): void {
  void sheetJob({ type: 'forget', previewId });
}
