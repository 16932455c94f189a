/*
 * A saved month-end check (synced entity 'periodCheck', Dexie table `periodchecks`): who ran it, when, the month,
 * every item's result with its counts and examples, whether all passed, and the clerk's note. Saved checks are never
 * edited: running the check again saves a new record, so the history shows every run.
 */
import { z } from 'zod';
import type { RecordMeta } from '../sync/entities';
import { CHECK_ITEMS, CHECK_REASONS, type CheckItemResult } from './types';
import type { Month } from '../domain/month';

/** One saved check. */
export interface PeriodCheckRecord extends RecordMeta {
  readonly month: Month;
  readonly from: string;
  readonly to: string;
  readonly items: readonly CheckItemResult[];
  readonly pass: boolean;
  /** The name of who ran it, as the users list showed it then (createdBy holds the login). */
  readonly byName: string;
  readonly note: string;
}

const short = z.string().max(200);
const reasons = Object.values(CHECK_REASONS).flat() as [string, ...string[]];

const example = z.object({
  ref: z.string().max(500), number: short, seller: short, issueDate: short, total: z.number().int().nullable(), problem: short,
}).loose();

const itemResult = z.object({
  id: z.enum(CHECK_ITEMS),
  pass: z.boolean(),
  reason: z.enum(reasons),
  count: z.number().int().min(0),
  examples: z.array(example).max(50),
  facts: z.record(z.string(), z.union([z.string().max(500), z.number(), z.null()])),
}).loose();

/** The fields of a saved check as the office server checks them (every synced schema is partial and loose). */
export const periodCheckFields = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  from: short,
  to: short,
  items: z.array(itemResult).max(20),
  pass: z.boolean(),
  byName: short,
  note: z.string().max(10_000),
});
