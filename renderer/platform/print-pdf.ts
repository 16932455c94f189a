/**
 * "Save as PDF" of the print view: the desktop shell renders the page itself (Electron printToPDF, A4, the CSS
 * page size) and asks where to save it; a browser has no such call, so the caller opens the print dialog,
 * whose "Save as PDF" destination does the same.
 */
import type { DesktopWindow } from '../../shared/ipc';
import { safeFileName } from './save-file';

/** Why the desktop could not save the PDF (translated by the print view). */
export type PdfFailure = 'render' | 'write' | 'ipc';

/** How saving ended; 'browser' means the caller should open the print dialog instead. */
export type PdfOutcome =
  | { readonly kind: 'saved'; readonly fileName: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly reason: PdfFailure }
  | { readonly kind: 'browser' };

/** Saves the current page's print rendering as a PDF under a name the clerk may change (desktop), or says to print. */
export async function savePagesAsPdf(suggestedName: string, win: Window = window): Promise<PdfOutcome> {
  const api = (win as Window & DesktopWindow).desktop;
  if (!api) return { kind: 'browser' };
  const r = await api.savePdf({ suggestedName: safeFileName(suggestedName) });
  // A refused or failed call (IpcFailure) is a bug or a tampered sender; the clerk sees it failed, nothing more.
  return r.ok ? r.value : { kind: 'failed', reason: 'ipc' };
}
