import { applyOwnCompany } from '../../../shared/capture/checks/own-company';
import { toDraft } from '../../../shared/capture/checks/cross-check';
import type { Captured } from '../../../shared/capture/pipeline';
import { hardKey } from '../../../shared/domain/duplicates';
import { ownCompany } from '../reconcile';
import { createCapturePool } from '../../workers/capture-pool';
import { invoices } from '../../db';
import { localToday } from '../../app/today';
import { useCaptureQueue } from './capture-store';
import { scanFolder } from '../../platform/platform';

let pool: ReturnType<typeof createCapturePool> | null = null;
let seq = 0;

/** SHA-256 of a file's bytes, as lower-case hex. */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A capture with the company's own identity (a setting) confirming or correcting the party that is the company. */
function withOwnCompany(captured: Captured): Captured {
  const company = ownCompany();
  if (company === null) return captured;
  const extracted = applyOwnCompany(captured.extracted, company);
  return extracted === captured.extracted ? captured : { ...captured, extracted, prefill: toDraft(extracted, localToday()) };
}

/** A file to capture: picked/dropped/pasted, or found in the watched scanner folder (with its scan id). */
export interface IncomingFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: () => Promise<Uint8Array>;
  readonly scanId?: string;
}

/** Wraps browser File objects. */
export const fromFiles = (files: readonly File[]): IncomingFile[] =>
  files.map((f) => ({ name: f.name, type: f.type, bytes: async () => new Uint8Array(await f.arrayBuffer()) }));

/** Queues files for capture; each is read in a worker, one bad file never stops the others. */
export async function addFiles(files: readonly IncomingFile[]): Promise<void> {
  const queue = useCaptureQueue.getState();
  pool ??= createCapturePool();
  const p = pool;
  await Promise.all(files.map(async (file) => {
    const id = `f${++seq}`;
    const bytes = await file.bytes();
    const sha256 = await sha256Hex(bytes);
    queue.add({ id, name: file.name || 'clipboard', mime: file.type, bytes, sha256, state: 'queued', progress: 0, ...(file.scanId ? { scanId: file.scanId } : {}) });
    const [sameFile] = await invoices.findByAttachment(sha256);
    if (sameFile) queue.update(id, { duplicateOf: { id: sameFile.id, number: sameFile.number, sameFile: true } });
    const result = await p.capture(file.name, bytes, localToday(), (stage, progress) => {
      useCaptureQueue.getState().update(id, { state: stage, progress });
    });
    const update = useCaptureQueue.getState().update;
    if (!result.ok) {
      update(id, { state: 'failed', error: result.error, progress: 1 });
      if (file.scanId) await scanFolder()?.ack(file.scanId, 'failed');
      return;
    }
    const captured = withOwnCompany(result.value);
    const { draft } = captured.prefill;
    if (!sameFile && draft.number) {
      const dup = await invoices.findHardDuplicate({ code: draft.code, number: draft.number });
      if (dup && hardKey(dup) === hardKey(draft)) update(id, { duplicateOf: { id: dup.id, number: dup.number, sameFile: false } });
    }
    update(id, { state: 'ready', captured, progress: 1 });
    const s = useCaptureQueue.getState();
    if (s.selectedId === null) s.select(id);
  }));
}
