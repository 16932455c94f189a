import type { BenchRow } from './stats';

/** `npm run bench -- backup` (issue #5): not written yet. */
export function backupBench(): Promise<BenchRow[]> {
  return Promise.resolve([]);
}
