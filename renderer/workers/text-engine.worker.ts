/// <reference lib="webworker" />
/**
 * The text engine worker: one PP-OCR engine (onnxruntime-web, 2 threads when the page is cross-origin isolated)
 * for the whole capture pool, so the models and the wasm heap are in memory once however many capture workers
 * run. Capture workers reach it over MessagePorts the pool hands out; pages are read one at a time (ORT's
 * threads already use both cores). When the runtime cannot start, that is logged once and every request is
 * answered `unavailable`, so the capture workers read with tesseract.js instead.
 */
import { createWebTextEngine } from './ppocr-web';
import { enginePortSchema, readLinesRequestSchema, type ReadLinesReply, type ReadLinesRequest } from './text-engine-protocol';

const engine = createWebTextEngine();
let queue: Promise<void> = Promise.resolve();
let logged = false;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function answer(request: ReadLinesRequest): Promise<ReadLinesReply> {
  try {
    await engine.start();
  } catch (e: unknown) {
    if (!logged) console.warn(`PP-OCR (onnxruntime-web) could not start; pages are read with tesseract.js: ${messageOf(e)}`);
    logged = true;
    return { id: request.id, ok: false, unavailable: true, message: messageOf(e) };
  }
  try {
    const lines = await engine.readLines({ width: request.width, height: request.height, data: request.data });
    return { id: request.id, ok: true, lines };
  } catch (e: unknown) {
    return { id: request.id, ok: false, unavailable: false, message: messageOf(e) };
  }
}

function serve(port: MessagePort): void {
  port.onmessage = (event: MessageEvent<unknown>) => {
    const parsed = readLinesRequestSchema.safeParse(event.data);
    if (!parsed.success) return;
    const request = parsed.data;
    queue = queue.then(async () => { port.postMessage(await answer(request)); });
  };
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = enginePortSchema.safeParse(event.data);
  if (parsed.success && parsed.data.port) serve(parsed.data.port);
};
