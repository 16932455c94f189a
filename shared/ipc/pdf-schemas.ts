import { z } from 'zod';
import { fileNameSchema } from './schemas';

/** Arguments of savePdf: the proposed file name (the clerk may change it in the save dialog). */
export const savePdfArgsSchema = z.object({ suggestedName: fileNameSchema.max(200) });
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
