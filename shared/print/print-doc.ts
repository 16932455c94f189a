/** The documents the print view can show; each has a route `#/print/<doc>?<query>`. */
export const PRINT_DOCS = ['ledger', 'invoice', 'case', 'reconcile', 'monthEnd'] as const;

/** One printable document's name. */
export type PrintDoc = (typeof PRINT_DOCS)[number];

/** Whether a path segment names a printable document. */
export function isPrintDoc(name: string): name is PrintDoc {
  return (PRINT_DOCS as readonly string[]).includes(name);
}
