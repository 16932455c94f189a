import { navigate } from '../../app/router';
import type { PrintDoc } from '../../../shared/print/print-doc';

/** The route query of a document's parameters (empty values are left out). */
export function printQuery(params: Readonly<Record<string, string>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '') q.set(k, v);
  return q.toString();
}

/** Opens the print preview of a document, e.g. `openPrint('invoice', { id })`; 返回 comes back here. */
export function openPrint(doc: PrintDoc, params: Readonly<Record<string, string>>): void {
  navigate({ name: 'print', doc, query: printQuery(params) });
}
