/*
 * The month the month-end page shows (UI state only): kept while the clerk follows an item's link away and comes
 * back, so the page reopens on the month they were closing.
 */
import { create } from 'zustand';
import { defaultMonth } from '../../../shared/period-check/period';
import { localToday } from '../../app/today';

interface MonthEndState {
  readonly month: string;
  readonly setMonth: (month: string) => void;
}

/** The month being checked (this month from the 25th on, else the previous one, until the clerk picks another). */
export const useMonthEndStore = create<MonthEndState>()((set) => ({
  month: defaultMonth(localToday()),
  setMonth: (month) => { set({ month }); },
}));
