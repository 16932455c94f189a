/** Messages between the UI and the capture workers (the worker boundary: parsed on arrival, docs/architecture.md#trust-and-parsing-at-boundaries). */
import { z } from 'zod';
import type { Captured } from '../../shared/capture/pipeline';
import type { CaptureWarning } from '../../shared/capture/extracted';
import type { Result } from '../../shared/domain/result';

/** UI → worker: capture one file. */
export const captureRequestSchema = z.object({
  type: z.literal('capture'),
  id: z.number().int(),
  name: z.string(),
  bytes: z.instanceof(Uint8Array),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type CaptureRequest = z.infer<typeof captureRequestSchema>;

/** Which step a file is at. */
export type CaptureStage = 'reading' | 'qr' | 'ocr';

/** Worker → UI. */
export type CaptureReply =
  | { readonly type: 'progress'; readonly id: number; readonly stage: CaptureStage; readonly progress: number }
  | { readonly type: 'result'; readonly id: number; readonly result: Result<Captured, CaptureWarning> };

/** Worker → UI, as checked on arrival (the payload itself is produced by our own pipeline). */
export const captureReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), id: z.number(), stage: z.enum(['reading', 'qr', 'ocr']), progress: z.number() }),
  z.object({ type: z.literal('result'), id: z.number(), result: z.looseObject({ ok: z.boolean() }) }),
]);
