/// <reference lib="webworker" />
/**
 * The text engine worker: one PP-OCR engine (onnxruntime-web, 2 threads when the page is cross-origin isolated)
 * for the whole capture pool, so the models and the wasm heap are in memory once however many capture workers
 * run. Capture workers reach it over MessagePorts the pool hands out; pages are read one at a time (ORT's
 * threads already use both cores). Requests and the fallback rules: text-engine-server.ts.
 */
import { createWebTextEngine } from './ppocr-web';
import { enginePortSchema } from './text-engine-protocol';
import { createTextEngineServer } from './text-engine-server';

const serve = createTextEngineServer(createWebTextEngine());

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = enginePortSchema.safeParse(event.data);
  if (parsed.success && parsed.data.port) serve(parsed.data.port);
};
