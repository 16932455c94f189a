/**
 * Delay before retry number `failures` (1 = first retry): exponential from `baseMs`, capped at `maxMs`, with
 * "equal jitter" (half fixed, half random) so many devices coming back after an outage do not retry in step.
 */
export function backoffDelay(failures: number, random: () => number, baseMs = 1000, maxMs = 5 * 60_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(exp / 2 + (exp / 2) * Math.min(Math.max(random(), 0), 1));
}
