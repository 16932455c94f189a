import { beforeEach, describe, expect, it } from 'vitest';
import { endTour, moveTour, startTour, useTourSeen, useTourStore } from './tour-store';

describe('guided tour state', () => {
  beforeEach(() => { endTour(); });

  it('starts at the first step, moves within the steps, and ends past the last', () => {
    expect(useTourStore.getState().step).toBeNull();
    moveTour(1, 3);
    expect(useTourStore.getState().step).toBeNull(); // nothing moves while no tour runs
    startTour();
    expect(useTourStore.getState().step).toBe(0);
    moveTour(-1, 3);
    expect(useTourStore.getState().step).toBe(0);
    moveTour(1, 3);
    moveTour(1, 3);
    expect(useTourStore.getState().step).toBe(2);
    moveTour(1, 3);
    expect(useTourStore.getState().step).toBeNull();
  });

  it('remembers per login whether the offer was taken or turned down', () => {
    useTourSeen.getState().mark('wang', 'dismissed');
    useTourSeen.getState().mark('li', 'started');
    expect(useTourSeen.getState().seen).toEqual({ wang: 'dismissed', li: 'started' });
  });
});
