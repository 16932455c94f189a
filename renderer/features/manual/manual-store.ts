import { create } from 'zustand';
import type { ManualPageId } from '../../../shared/manual/pages';
import { navigate, routeHash, type Route } from '../../app/router';
import { manualPageFor } from './route-pages';

interface ManualState {
  /** Where 返回 / Esc leads: the screen the manual was opened from. */
  readonly returnTo: string | null;
}

/** UI state of the manual (where to go back to); nothing durable. */
export const useManualStore = create<ManualState>()(() => ({ returnTo: null }));

/** Opens a manual page (or the contents), remembering the screen to come back to. */
export function openManual(page: ManualPageId | null, from: Route | null = null): void {
  if (from && from.name !== 'manual') useManualStore.setState({ returnTo: routeHash(from) });
  navigate({ name: 'manual', page });
}

/** F1: the manual page for the screen `route` shows. */
export function openManualFor(route: Route): void {
  openManual(manualPageFor(route), route);
}

/** 返回 / Esc: back to the screen the manual was opened from, else the contents, else the home page. */
export function leaveManual(current: ManualPageId | null): void {
  const back = useManualStore.getState().returnTo;
  if (back !== null) {
    useManualStore.setState({ returnTo: null });
    window.location.hash = back;
  } else if (current !== null) {
    navigate({ name: 'manual', page: null });
  } else {
    window.location.hash = '#/';
  }
}
