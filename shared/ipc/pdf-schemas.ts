import { z } from 'zod';

// A bare file name valid on Windows, macOS and Linux (as saveFile's): no separators, no reserved characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what the class refuses
const FILE_NAME = /^(?!\.{1,2}$)[^\\/:*?"<>|\u0000-\u001f]{1,200}$/;

/** Arguments of savePdf: the proposed file name (the clerk may change it in the save dialog). */
export const savePdfArgsSchema = z.object({ suggestedName: z.string().regex(FILE_NAME) });
/** Arguments of savePdf. */
export type SavePdfArgs = z.infer<typeof savePdfArgsSchema>;

/**
 * How savePdf ended: saved under `fileName` (the name only — the renderer never sees the folder), the clerk closed
 * the dialog, or it failed while rendering the page ('render') or writing the file ('write').
 */
export const savePdfOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), fileName: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('failed'), reason: z.enum(['render', 'write']) }),
]);
/** How savePdf ended. */
export type SavePdfOutcome = z.infer<typeof savePdfOutcomeSchema>;
