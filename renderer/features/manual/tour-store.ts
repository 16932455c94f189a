import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface TourState {
  /** The step shown (index into the steps present on screen), or null when no tour runs. */
  readonly step: number | null;
}

/** Whether the guided tour runs and which step it shows (UI state only). */
export const useTourStore = create<TourState>()(() => ({ step: null }));

/** Starts the tour at its first step (the offer's 开始导览, the manual's and the palette's 重新播放导览). */
export function startTour(): void {
  useTourStore.setState({ step: 0 });
}

/** Moves by `delta` steps within `total`; past the last step the tour ends. */
export function moveTour(delta: number, total: number): void {
  const step = useTourStore.getState().step;
  if (step === null) return;
  const next = step + delta;
  useTourStore.setState({ step: next >= total ? null : Math.max(0, next) });
}

/** Ends the tour (结束, Esc). */
export function endTour(): void {
  useTourStore.setState({ step: null });
}

interface TourSeenState {
  /** Per login on this PC: the offer was taken ('started') or turned down ('dismissed'). Not a secret. */
  readonly seen: Readonly<Record<string, 'started' | 'dismissed'>>;
  readonly mark: (login: string, how: 'started' | 'dismissed') => void;
}

/** Which users of this PC were offered the tour already (localStorage 'fapiao.tour'). */
export const useTourSeen = create<TourSeenState>()(
  persist((set) => ({
    seen: {},
    mark: (login, how) => { set((s) => ({ seen: { ...s.seen, [login]: how } })); },
  }), { name: 'fapiao.tour' }),
);
