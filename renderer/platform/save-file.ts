/**
 * Saving a file the app made (an Excel export, a report): the desktop shell asks where with the OS dialog; a
 * browser downloads it under the proposed name.
 */
import type { DesktopWindow } from '../../shared/ipc';

/** How a save ended: written (path on the desktop, the name in a browser), cancelled, or failed. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly where: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

/** What the save dialog offers as the file's type. */
export interface SaveType {
  readonly name: string;
  readonly extensions: readonly string[];
  readonly mime: string;
}

/** The .xlsx type. */
export const XLSX_TYPE: SaveType = { name: 'Excel', extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** A name the OS accepts: reserved characters become "_". */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what the class replaces
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'export' : cleaned.slice(0, 200);
}

/** Saves `data` under `suggestedName` (the clerk may change it on the desktop). */
export async function saveFile(suggestedName: string, data: Uint8Array, type: SaveType, win: Window = window): Promise<SaveOutcome> {
  const name = safeFileName(suggestedName);
  const api = (win as Window & DesktopWindow).desktop;
  if (api) {
    const r = await api.saveFile({ suggestedName: name, data: data.slice(), filters: [{ name: type.name, extensions: [...type.extensions] }] });
    if (r.ok) return { kind: 'saved', where: r.value.path };
    return r.error.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', message: r.error.message };
  }
  const url = URL.createObjectURL(new Blob([data.slice()], { type: type.mime }));
  try {
    const a = win.document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    win.document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // The download has started from the click; revoke later so slow browsers still read the blob.
    setTimeout(() => { URL.revokeObjectURL(url); }, 30_000);
  }
  return { kind: 'saved', where: name };
}
