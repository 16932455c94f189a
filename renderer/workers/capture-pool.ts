/**
 * A pool of capture workers sized to the machine's cores, and one text engine worker (PP-OCR) that they share.
 * Files queue here; each capture worker takes one at a time. A capture worker that crashes fails only its
 * current file (with a clear error) and is replaced; a text engine worker that crashes is replaced and the pages
 * it was reading are read with tesseract.js instead.
 *
 * Why one engine: the PP-OCR models and onnxruntime-web's heap take several hundred MB per copy, and with two
 * threads one engine already keeps both cores of a 2-core PC busy; a second copy would double the memory and
 * read no faster. The capture workers meanwhile decode, look for QR codes and read structured files.
 */
import type { Captured } from '../../shared/capture/pipeline';
import type { CaptureWarning } from '../../shared/capture/extracted';
import type { Result } from '../../shared/domain/result';
import { captureReplySchema, type CaptureReply, type CaptureStage } from './capture-protocol';

type Outcome = Result<Captured, CaptureWarning>;

interface Task {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly today: string;
  readonly onStage: (stage: CaptureStage, progress: number) => void;
  readonly resolve: (o: Outcome) => void;
}

interface Slot { worker: Worker; task: Task | null }

let nextId = 1;
/** How often a crashed text engine worker is replaced before the pool reads with tesseract.js alone. */
const MAX_ENGINE_RESTARTS = 2;

/** Creates the pool; `size` defaults to the number of cores (at most 4). */
export function createCapturePool(size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1))) {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let engine: Worker | null = null;
  let engineRestarts = 0;

  /** Gives a capture worker its own channel to the text engine worker (or, once it is given up, none). */
  const connect = (worker: Worker) => {
    if (!engine) { worker.postMessage({ type: 'text-engine', port: null }); return; }
    const channel = new MessageChannel();
    engine.postMessage({ type: 'text-engine', port: channel.port2 }, [channel.port2]);
    worker.postMessage({ type: 'text-engine', port: channel.port1 }, [channel.port1]);
  };

  const spawnEngine = () => {
    const worker = new Worker(new URL('./text-engine.worker.ts', import.meta.url), { type: 'module' });
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      // A worker that keeps crashing (or whose script does not load) is given up: tesseract reads the pages.
      engine = null;
      if (engineRestarts++ < MAX_ENGINE_RESTARTS) spawnEngine();
      else console.warn(`PP-OCR text engine worker stopped (${e.message || 'crashed'}); pages are read with tesseract.js`);
      for (const slot of slots) connect(slot.worker);
    };
    engine = worker;
  };

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(new URL('./capture.worker.ts', import.meta.url), { type: 'module' }), task: null };
    connect(slot.worker);
    slot.worker.onmessage = (e: MessageEvent<unknown>) => {
      const parsed = captureReplySchema.safeParse(e.data);
      const task = slot.task;
      if (!parsed.success || !task || parsed.data.id !== task.id) return;
      const reply = e.data as CaptureReply;
      if (reply.type === 'progress') task.onStage(reply.stage, reply.progress);
      else {
        slot.task = null;
        task.resolve(reply.result);
        pump();
      }
    };
    slot.worker.onerror = (e) => {
      e.preventDefault();
      const task = slot.task;
      slot.worker.terminate();
      slots.splice(slots.indexOf(slot), 1, spawn());
      task?.resolve({ ok: false, error: { code: 'corruptFile', params: { detail: e.message || 'worker crashed' } } });
      pump();
    };
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.task) continue;
      const task = queue.shift();
      if (!task) return;
      slot.task = task;
      const copy = task.bytes.slice();
      slot.worker.postMessage({ type: 'capture', id: task.id, name: task.name, bytes: copy, today: task.today }, [copy.buffer]);
    }
  };

  return {
    /** Captures one file; resolves with the pipeline's result (never rejects). */
    capture(name: string, bytes: Uint8Array, today: string, onStage: Task['onStage']): Promise<Outcome> {
      if (slots.length === 0 && !engine) spawnEngine();
      if (slots.length === 0) for (let i = 0; i < size; i++) slots.push(spawn());
      return new Promise((resolve) => {
        queue.push({ id: nextId++, name, bytes, today, onStage, resolve });
        pump();
      });
    },
    /** Stops every worker (pending files are dropped from the pool, not from the queue UI). */
    dispose() {
      for (const s of slots) s.worker.terminate();
      slots.length = 0;
      engine?.terminate();
      engine = null;
    },
  };
}
