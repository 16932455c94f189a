// 存为 PDF of the print view: main renders the calling page itself (Chromium's print pipeline, so the PDF has the
// same A4 sheets the preview shows), asks where to save it and writes it. The renderer gets back only the file's
// name, never the folder. Dialog and file writing are injected so tests run without Electron.
import path from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ok } from '../../shared/domain/result';
import type { FileFilter, SavePdfOutcome } from '../../shared/ipc';
import type { IpcImpl } from './ipc-handle';

/** What savePdf needs from Electron and the file system. */
export interface SavePdfDeps {
  /** The folder the save dialog starts in (the user's Documents). */
  readonly defaultSaveDir: () => string;
  readonly showSaveDialog: (
    owner: WebContents,
    options: { defaultPath: string; filters?: FileFilter[] },
  ) => Promise<{ canceled: boolean; filePath?: string }>;
  /** Writes the bytes so a failure never leaves half a file (file-io.ts writeFileAtomic). */
  readonly writeFile: (filePath: string, data: Uint8Array) => Promise<void>;
  readonly log?: (message: string, detail?: unknown) => void;
}

/** A4 and the page's own @page size and backgrounds: the PDF matches the print preview sheet for sheet. */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

const PDF_FILTER: FileFilter = { name: 'PDF', extensions: ['pdf'] };

/** The savePdf implementation: dialog, then render, then write; each expected failure is a value. */
export function createSavePdf(deps: SavePdfDeps): IpcImpl<'savePdf'> {
  const log = deps.log ?? ((message: string, detail?: unknown) => { console.error(`[savePdf] ${message}`, detail ?? ''); });
  const answer = (outcome: SavePdfOutcome) => ok(outcome);
  return async ({ suggestedName }, event: IpcMainInvokeEvent) => {
    const name = suggestedName.toLowerCase().endsWith('.pdf') ? suggestedName : `${suggestedName}.pdf`;
    const choice = await deps.showSaveDialog(event.sender, { defaultPath: path.join(deps.defaultSaveDir(), name), filters: [PDF_FILTER] });
    if (choice.canceled || !choice.filePath) return answer({ kind: 'cancelled' });
    let pdf: Uint8Array;
    try {
      pdf = await event.sender.printToPDF(PDF_OPTIONS);
    } catch (error) {
      log('printToPDF failed', error);
      return answer({ kind: 'failed', reason: 'render' });
    }
    try {
      await deps.writeFile(choice.filePath, pdf);
    } catch (error) {
      log('writing the PDF failed', error);
      return answer({ kind: 'failed', reason: 'write' });
    }
    return answer({ kind: 'saved', fileName: path.basename(choice.filePath) });
  };
}
