/**
 * Messages of the text engine worker (text-engine.worker.ts), parsed on arrival (the worker boundary, docs/architecture.md#trust-and-parsing-at-boundaries).
 * The pool hands each capture worker one end of a MessageChannel and the engine worker the other; page images go
 * over the channel, text lines come back.
 */
import { z } from 'zod';

/**
 * Pool → capture worker, and pool → engine worker: the port to talk over (a new one after an engine crash);
 * null tells a capture worker that there is no engine any more.
 */
export const enginePortSchema = z.object({ type: z.literal('text-engine'), port: z.instanceof(MessagePort).nullable() });

/** Capture worker → engine: read the lines of one RGBA image (its pixels are transferred, not copied). */
export const readLinesRequestSchema = z.object({
  id: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  data: z.instanceof(Uint8ClampedArray),
}).refine((r) => r.data.length === r.width * r.height * 4, 'data must hold width × height RGBA pixels');
export type ReadLinesRequest = z.infer<typeof readLinesRequestSchema>;

const lineSchema = z.object({
  text: z.string(),
  box: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  score: z.number(),
});

/** Engine → capture worker: the lines, or why not (`unavailable`: the runtime or the models could not start, ask no more). */
export const readLinesReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), lines: z.array(lineSchema) }),
  z.object({ id: z.number().int(), ok: z.literal(false), unavailable: z.boolean(), message: z.string() }),
]);
export type ReadLinesReply = z.infer<typeof readLinesReplySchema>;
