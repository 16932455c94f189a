/*
 * The reconciliation's input files: each is read in the worker as the kind the clerk picked it as. A file whose
 * columns the presets do not recognise is tried with the saved mappings whose columns it has; otherwise the clerk
 * maps its columns by hand, reads it again, and may save the mapping for next time.
 */
import type { ColumnMapping } from '../../../shared/reconcile/entities';
import { checkSheetSize, type MappingOverride } from '../../../shared/reconcile/sheet';
import type { SheetKind } from '../../../shared/reconcile/types';
import { useT } from '../../app/i18n';
import { reconcileStore } from '../../db';
import { useToasts } from '../../ui/toast';
import { sheetJob } from '../../workers/sheet-client';
import { useReconcileUi, type SourceFile } from './reconcile-store';
import { fittingMapping, mappingsOfKinds, overrideOf } from './saved-mappings';

const bytesOf = new Map<string, Uint8Array<ArrayBuffer>>();
let seq = 0;

/** The kinds of saved mapping that fit a role. */
export const kindsFor = (role: SourceFile['role']): readonly SheetKind[] => (role === 'bank' ? ['bank'] : ['platform', 'check']);

async function readFile(id: string, mapping: MappingOverride | null, mappingName: string | null): Promise<boolean> {
  const ui = useReconcileUi.getState;
  const file = ui().files.find((f) => f.id === id);
  const bytes = bytesOf.get(id);
  if (!file || !bytes) return false;
  ui().updateFile(id, { state: 'reading' });
  const reply = await sheetJob({ type: 'read', name: file.name, bytes, want: file.role, ...(mapping ? { mapping: { ...mapping, columns: { ...mapping.columns } } } : {}) });
  const r = reply.result;
  ui().updateFile(id, r.ok
    ? { state: 'ready', facts: reply.facts, read: r.value, problem: null, mapping, mappingName, editing: false }
    : { state: 'failed', facts: reply.facts, read: null, problem: r.error, mapping, mappingName });
  return r.ok;
}

/** Source-file actions, bound to the page's store. */
export function useSourceFiles() {
  const t = useT();
  const toast = useToasts((s) => s.show);
  const ui = useReconcileUi.getState;
  return {
    /** Reads each file; one that fails is retried with a fitting saved mapping before it asks for a mapping. */
    async add(role: SourceFile['role'], files: readonly File[], saved: readonly ColumnMapping[]) {
      await Promise.all(files.map(async (f) => {
        const id = `src-${String(++seq)}`;
        ui().addFile({ id, role, name: f.name, state: 'reading', facts: null, read: null, problem: null, mapping: null, mappingName: null, editing: false });
        // A 200 MB file is refused by its size before it is loaded into memory.
        const size = checkSheetSize(f.size, f.name);
        if (!size.ok) { ui().updateFile(id, { state: 'failed', problem: size.error }); return; }
        bytesOf.set(id, new Uint8Array(await f.arrayBuffer()));
        if (await readFile(id, null, null)) return;
        const fitting = fittingMapping(mappingsOfKinds(saved, kindsFor(role)), ui().files.find((x) => x.id === id)?.facts?.headers ?? []);
        if (fitting) await readFile(id, overrideOf(fitting), fitting.name);
      }));
    },
    /** Reads a file again with a mapping (typed by hand, or a saved one by name). */
    reread(id: string, mapping: MappingOverride, mappingName: string | null = null) {
      return readFile(id, mapping, mappingName);
    },
    setEditing(id: string, editing: boolean) {
      ui().updateFile(id, { editing });
    },
    remove(id: string) {
      bytesOf.delete(id);
      ui().removeFile(id);
    },
    /** Saves a mapping for files of this layout (synced like other settings). */
    async saveMapping(kind: SheetKind, name: string, mapping: MappingOverride) {
      await reconcileStore.saveMapping({ name, kind, columns: mapping.columns, sheet: mapping.sheet ?? '' });
      toast(t('reconcile.mapping.saved', { name }));
    },
  };
}

/** The actions' type, for components that receive them. */
export type SourceFileFlows = ReturnType<typeof useSourceFiles>;
