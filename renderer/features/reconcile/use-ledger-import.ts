/*
 * The Excel ledger import as the clerk lives it: pick files → each is read and previewed in the worker against the
 * ledger's keys (nothing written) → confirm one → it commits all-or-nothing with progress → undo from the history.
 * A file whose columns the ledger preset does not recognise is tried with the saved ledger mappings that fit its
 * headers, else mapped by hand. A purchase ledger without buyer columns can be previewed with the company as every
 * row's buyer. After a commit, the other files still waiting are previewed again, since the
 * ledger they were checked against grew.
 */
import type { Party } from '../../../shared/domain/invoice';
import type { ColumnMapping } from '../../../shared/reconcile/entities';
import { checkSheetSize, type MappingOverride } from '../../../shared/reconcile/sheet';
import { localToday } from '../../app/today';
import { useT } from '../../app/i18n';
import { ledgerImport, reconcileStore } from '../../db';
import { forgetPreview, previewItems, sheetJob } from '../../workers/sheet-client';
import { useToasts } from '../../ui/toast';
import { failureText } from './failure-text';
import { fittingMapping, mappingsOfKinds, overrideOf } from './saved-mappings';
import { useSheetsUi, type ImportFile } from './sheets-store';

const bytesOf = new Map<string, { name: string; bytes: Uint8Array<ArrayBuffer> }>();
let seq = 0;

async function previewFile(id: string, mapping: MappingOverride | null, mappingName: string | null, buyer: Party | null = null): Promise<boolean> {
  const file = bytesOf.get(id);
  if (!file) return false;
  const { update, files } = useSheetsUi.getState();
  const before = files.find((f) => f.id === id)?.preview;
  if (before) forgetPreview(before.previewId);
  update(id, { state: 'reading', problem: null, preview: null });
  const keys = await ledgerImport.existingKeys();
  const reply = await sheetJob({
    type: 'ledgerPreview', name: file.name, bytes: file.bytes, today: localToday(), hard: new Map(keys.hard), soft: new Map(keys.soft),
    ...(mapping ? { mapping: { ...mapping, columns: { ...mapping.columns } } } : {}),
    ...(buyer ? { buyer: { ...buyer } } : {}),
  });
  const r = reply.result;
  update(id, r.ok
    ? { state: 'preview', sha256: reply.facts.sha256, facts: reply.facts, problem: null, read: r.value.read, preview: r.value, mapping, mappingName, editing: false, buyer }
    : { state: 'failed', sha256: reply.facts.sha256, facts: reply.facts, problem: r.error, read: null, preview: null, mapping, mappingName, buyer });
  return r.ok;
}

/** The import actions, bound to the page's store. */
export function useLedgerImport() {
  const t = useT();
  const toast = useToasts((s) => s.show);
  const ui = useSheetsUi.getState;

  return {
    /** Reads and previews each file (a bad one fails alone); a file the preset cannot read tries the saved mappings. */
    async pick(files: readonly File[], saved: readonly ColumnMapping[]) {
      await Promise.all(files.map(async (f) => {
        const id = `import-${String(++seq)}`;
        ui().add({
          id, name: f.name, state: 'reading', sha256: '', problem: null, read: null, preview: null, progress: null, imported: null,
          commitError: null, facts: null, mapping: null, mappingName: null, editing: false, buyer: null,
        });
        // A 200 MB file is refused by its size before it is loaded into memory.
        const size = checkSheetSize(f.size, f.name);
        if (!size.ok) { ui().update(id, { state: 'failed', problem: size.error }); return; }
        bytesOf.set(id, { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
        if (await previewFile(id, null, null)) return;
        const fitting = fittingMapping(mappingsOfKinds(saved, ['ledger']), ui().files.find((x) => x.id === id)?.facts?.headers ?? []);
        if (fitting) await previewFile(id, overrideOf(fitting), fitting.name);
      }));
    },

    /** Reads a file again with a column mapping (typed by hand, or a saved one by name). */
    reread(file: ImportFile, mapping: MappingOverride, mappingName: string | null) {
      return previewFile(file.id, mapping, mappingName, file.buyer);
    },
    /** Previews a file again with the company as the buyer of rows that name none (null: as the file has it). */
    fillBuyer(file: ImportFile, buyer: Party | null) {
      return previewFile(file.id, file.mapping, file.mappingName, buyer);
    },
    setEditing(file: ImportFile, editing: boolean) {
      ui().update(file.id, { editing });
    },
    /** Saves a ledger column mapping for files of this layout (synced like other settings). */
    async saveMapping(name: string, mapping: MappingOverride) {
      await reconcileStore.saveMapping({ name, kind: 'ledger', columns: mapping.columns, sheet: mapping.sheet ?? '' });
      toast(t('reconcile.mapping.saved', { name }));
    },

    /** Writes the previewed new invoices in one audited import. */
    async confirm(file: ImportFile) {
      if (!file.preview || file.state !== 'preview') return;
      const { previewId, counts } = file.preview;
      ui().update(file.id, { state: 'committing', progress: { done: 0, total: counts.new }, commitError: null });
      const items = await previewItems(previewId, counts.new);
      if (!items.ok) {
        ui().update(file.id, { state: 'failed', progress: null, preview: null, commitError: t('sheets.previewLost') });
        return;
      }
      const r = await ledgerImport.commit({ fileName: file.name, sha256: file.sha256, items: items.value }, (done, total) => {
        ui().update(file.id, { progress: { done, total } });
      }).catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }));
      if (!r.ok) {
        ui().update(file.id, { state: 'preview', progress: null, commitError: t('sheets.commitFailed', { detail: failureText(r.error, t, 'sheets.importError') }) });
        return;
      }
      bytesOf.delete(file.id);
      forgetPreview(previewId);
      ui().update(file.id, { state: 'done', progress: null, imported: r.value.invoiceIds.length, commitError: null });
      for (const other of ui().files) {
        if (other.state === 'preview' && other.id !== file.id) void previewFile(other.id, other.mapping, other.mappingName, other.buyer);
      }
    },

    /** Drops a file without importing anything. */
    cancel(file: ImportFile) {
      bytesOf.delete(file.id);
      if (file.preview) forgetPreview(file.preview.previewId);
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
