import type { BenchRow } from './stats';

/** `npm run bench -- sync` (issue #4): not written yet. */
export function syncBench(): Promise<BenchRow[]> {
  return Promise.resolve([]);
}
