/**
 * The text engine worker's side of the ports (text-engine.worker.ts wires it to `self`): answers each capture
 * worker's requests one page at a time. When the engine cannot start, that is logged once and every request is
 * answered `unavailable`; a page that fails to read fails alone.
 */
import type { WebTextEngine } from './ppocr-web';
import { readLinesRequestSchema, type ReadLinesReply, type ReadLinesRequest } from './text-engine-protocol';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Returns `serve(port)`, which answers the requests arriving on a port; all ports share `engine` and one queue. */
export function createTextEngineServer(engine: WebTextEngine, warn: (message: string) => void = console.warn): (port: MessagePort) => void {
  let queue: Promise<void> = Promise.resolve();
  let warned = false;

  const answer = async (request: ReadLinesRequest): Promise<ReadLinesReply> => {
    try {
      await engine.start();
    } catch (e: unknown) {
      if (!warned) warn(`PP-OCR (onnxruntime-web) could not start; pages are read with tesseract.js: ${messageOf(e)}`);
      warned = true;
      return { id: request.id, ok: false, unavailable: true, message: messageOf(e) };
    }
    try {
      const lines = await engine.readLines({ width: request.width, height: request.height, data: request.data });
      return { id: request.id, ok: true, lines };
    } catch (e: unknown) {
      return { id: request.id, ok: false, unavailable: false, message: messageOf(e) };
    }
  };

  return (port) => {
    port.onmessage = (event: MessageEvent<unknown>) => {
      const parsed = readLinesRequestSchema.safeParse(event.data);
      if (!parsed.success) return;
      const request = parsed.data;
      queue = queue.then(async () => { port.postMessage(await answer(request)); });
    };
  };
}
