/**
 * A pool of capture workers sized to the machine's cores. Files queue here; each worker takes one at a time.
 * A worker that crashes fails only its current file (with a clear error) and is replaced.
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

/** Creates the pool; `size` defaults to the number of cores (at most 4). */
export function createCapturePool(size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1))) {
  const queue: Task[] = [];
  const slots: Slot[] = [];

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(new URL('./capture.worker.ts', import.meta.url), { type: 'module' }), task: null };
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
    },
  };
}
