import type { Timers } from './http';

/** A manual clock with timers, for engine tests (pass clocks in, never stub globals: docs/architecture.md#injected-clocks-and-services). */
export function createFakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  let seq = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    set: (run, ms) => { const id = ++seq; pending.set(id, { at: now + Math.max(0, ms), run }); return id; },
    clear: (handle) => { pending.delete(handle as number); },
  };
  return {
    timers,
    now: () => now,
    /** Timers armed and not yet fired. */
    armed: () => [...pending.values()].map((p) => p.at - now),
    /** Moves time forward, firing due timers in order; `settle` lets the work they start run in between. */
    async advance(ms: number, settle: () => Promise<void> = () => Promise.resolve()): Promise<void> {
      const end = now + ms;
      for (;;) {
        const next = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        pending.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].run();
        await settle();
      }
      now = end;
    },
  };
}
