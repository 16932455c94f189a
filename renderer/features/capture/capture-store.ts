import { create } from 'zustand';
import type { Captured } from '../../../shared/capture/pipeline';
import type { CaptureWarning } from '../../../shared/capture/extracted';

/** Where a file of the batch is. */
export type QueueState = 'queued' | 'reading' | 'qr' | 'ocr' | 'ready' | 'saved' | 'failed' | 'skipped';

/** One file of the current import batch (UI state: the invoice becomes durable only when the clerk saves it). */
export interface QueueItem {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly state: QueueState;
  readonly progress: number;
  readonly captured?: Captured;
  readonly error?: CaptureWarning;
  /** An invoice already keeps this exact file, or one with the same code + number exists. */
  readonly duplicateOf?: { readonly id: string; readonly number: string; readonly sameFile: boolean };
  readonly invoiceId?: string;
  /** Set when the file came from the watched scanner folder: it is moved aside once saved or failed. */
  readonly scanId?: string;
}

interface QueueStore {
  readonly items: readonly QueueItem[];
  readonly selectedId: string | null;
  readonly add: (item: QueueItem) => void;
  readonly update: (id: string, patch: Partial<QueueItem>) => void;
  readonly select: (id: string | null) => void;
  readonly clearFinished: () => void;
}

/** The import batch. */
export const useCaptureQueue = create<QueueStore>()((set) => ({
  items: [],
  selectedId: null,
  add: (item) => { set((s) => ({ items: [...s.items, item] })); },
  update: (id, patch) => { set((s) => ({ items: s.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) })); },
  select: (id) => { set({ selectedId: id }); },
  clearFinished: () => {
    set((s) => ({ items: s.items.filter((i) => i.state !== 'saved' && i.state !== 'skipped' && i.state !== 'failed'), selectedId: null }));
  },
}));

/** The next file waiting for confirmation after `afterId` (wrapping), or null. */
export function nextReady(items: readonly QueueItem[], afterId: string | null): QueueItem | null {
  const ready = items.filter((i) => i.state === 'ready');
  if (ready.length === 0) return null;
  const at = items.findIndex((i) => i.id === afterId);
  return ready.find((i) => items.indexOf(i) > at) ?? ready[0] ?? null;
}
