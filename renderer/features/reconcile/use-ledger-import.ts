/*
 * The Excel ledger import as the clerk lives it: pick files → each is read and previewed in the worker against the
 * ledger's keys (nothing written) → confirm one → it commits all-or-nothing with progress → undo from the history.
 * After a commit the other files still waiting are previewed again, since the ledger they were checked against grew.
 */
import { localToday } from '../../app/today';
import { useT } from '../../app/i18n';
import { ledgerImport } from '../../db';
import { sheetJob } from '../../workers/sheet-client';
import { useToasts } from '../../ui/toast';
import { useSheetsUi, type ImportFile } from './sheets-store';
import { failureText } from './failure-text';

const bytesOf = new Map<string, { name: string; bytes: Uint8Array<ArrayBuffer> }>();
let seq = 0;

async function previewFile(id: string): Promise<void> {
  const file = bytesOf.get(id);
  if (!file) return;
  const keys = await ledgerImport.existingKeys();
  const reply = await sheetJob({ type: 'ledgerPreview', name: file.name, bytes: file.bytes, today: localToday(), hard: new Map(keys.hard), soft: new Map(keys.soft) });
  const { update } = useSheetsUi.getState();
  if (!reply.result.ok) {
    update(id, { state: 'failed', sha256: reply.facts.sha256, problem: reply.result.error, read: null, preview: null });
    return;
  }
  update(id, { state: 'preview', sha256: reply.facts.sha256, problem: null, read: reply.result.value.read, preview: reply.result.value.preview });
}

/** The import actions, bound to the page's store. */
export function useLedgerImport() {
  const t = useT();
  const toast = useToasts((s) => s.show);
  const ui = useSheetsUi.getState;

  return {
    /** Reads and previews each file; a bad one fails alone. */
    async pick(files: readonly File[]) {
      await Promise.all(files.map(async (f) => {
        const id = `import-${String(++seq)}`;
        ui().add({ id, name: f.name, state: 'reading', sha256: '', problem: null, read: null, preview: null, progress: null, imported: null, commitError: null });
        bytesOf.set(id, { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
        await previewFile(id);
      }));
    },

    /** Writes the previewed new invoices in one audited import. */
    async confirm(file: ImportFile) {
      if (!file.preview || file.state !== 'preview') return;
      const items = file.preview.items;
      ui().update(file.id, { state: 'committing', progress: { done: 0, total: items.length } });
      const r = await ledgerImport.commit({ fileName: file.name, sha256: file.sha256, items }, (done, total) => {
        ui().update(file.id, { progress: { done, total } });
      }).catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }));
      if (!r.ok) {
        ui().update(file.id, { state: 'preview', progress: null, commitError: t('sheets.commitFailed', { detail: failureText(r.error, t, 'sheets.importError') }) });
        return;
      }
      bytesOf.delete(file.id);
      ui().update(file.id, { state: 'done', progress: null, imported: r.value.invoiceIds.length, commitError: null });
      for (const other of ui().files) {
        if (other.state === 'preview' && other.id !== file.id) void previewFile(other.id);
      }
    },

    /** Drops a file without importing anything. */
    cancel(file: ImportFile) {
      bytesOf.delete(file.id);
      ui().remove(file.id);
      if (file.state === 'preview') toast(t('sheets.cancelled', { file: file.name }), 'warn');
    },

    /** Moves an import's invoices to the recycle bin together. */
    async undo(batchId: string, count: number) {
      const r = await ledgerImport.undo(batchId);
      if (r.ok) toast(t('sheets.history.undoDone', { count }));
      else toast(t('sheets.history.undoFailed', { detail: failureText(r.error, t, 'sheets.importError') }), 'error');
    },
  };
}

/** The actions' type, for components that receive them. */
export type LedgerImportFlows = ReturnType<typeof useLedgerImport>;
