/** Bytes and remaining time in words the clerk reads at a glance. */

/** "12.3 MB"-style sizes (1000-based, as drives are labelled). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${String(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 'B';
  for (const u of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = u;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
}

/**
 * Seconds left at the average rate so far, or null until there is enough to estimate (1% done or 1 s elapsed).
 * `elapsedMs` is measured by the caller, so this stays a pure function.
 */
export function secondsLeft(doneBytes: number, totalBytes: number, elapsedMs: number): number | null {
  if (totalBytes <= 0 || doneBytes <= 0 || elapsedMs < 1000 || doneBytes / totalBytes < 0.01) return null;
  const rate = doneBytes / elapsedMs;
  return Math.max(0, Math.ceil((totalBytes - doneBytes) / rate / 1000));
}

/** Minutes and seconds ("2:05"). */
export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m)}:${String(s).padStart(2, '0')}`;
}

/** Whole hours between two instants (for "24 hours without a backup"). */
export function hoursBetween(fromIso: string, now: number): number {
  const from = Date.parse(fromIso);
  return Number.isNaN(from) ? Infinity : (now - from) / 3_600_000;
}
