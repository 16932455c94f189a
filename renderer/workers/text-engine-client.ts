/**
 * The capture worker's side of the text engine worker: `readLines` sends a page over the port the pool handed
 * in and waits for its lines. A request whose port is replaced (the engine worker crashed and was restarted)
 * fails, and the OCR stage reads that page with tesseract; once the engine has said it cannot start,
 * `textEngineReady()` is false and the capture worker stops offering PP-OCR to the pipeline.
 */
import type { OcrLine, ReadLines } from '../../shared/capture/text/text-engine';
import { readLinesReplySchema, type ReadLinesRequest } from './text-engine-protocol';

interface Pending { readonly resolve: (lines: OcrLine[]) => void; readonly reject: (e: Error) => void }

let port: MessagePort | null = null;
let unavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(reason: string): void {
  for (const p of pending.values()) p.reject(new Error(reason));
  pending.clear();
}

/** Talks to the engine over `next` from now on (null: there is none); requests still waiting on the previous port fail. */
export function attachTextEngine(next: MessagePort | null): void {
  port?.close();
  failAll('the text engine was restarted');
  port = next;
  if (!next) return;
  next.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = readLinesReplySchema.safeParse(event.data);
    if (!parsed.success) return;
    const reply = parsed.data;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) { waiting?.resolve(reply.lines); return; }
    if (reply.unavailable) unavailable = true;
    waiting?.reject(new Error(reply.message));
  };
}

/** Whether PP-OCR can be asked: a port was handed in and the engine has not reported that it cannot start. */
export function textEngineReady(): boolean {
  return port !== null && !unavailable;
}

/** PP-OCR's lines of an image, read in the engine worker (the pixels are copied, the caller keeps its image). */
export const readLines: ReadLines = (image) => new Promise((resolve, reject) => {
  if (!port) { reject(new Error('no text engine')); return; }
  const id = nextId++;
  pending.set(id, { resolve, reject });
  const data = new Uint8ClampedArray(image.data);
  const request: ReadLinesRequest = { id, width: image.width, height: image.height, data };
  port.postMessage(request, [data.buffer]);
});
