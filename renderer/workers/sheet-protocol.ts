/**
 * Messages between the UI and the spreadsheet worker (the worker boundary: parsed on arrival, docs/architecture.md#trust-and-parsing-at-boundaries).
 * Reading a 50,000-row workbook, previewing a ledger import and reconciling take seconds: all three run there.
 */
import { z } from 'zod';
import type { Result } from '../../shared/domain/result';
import type { ImportCounts, ImportItem, RowOutcome } from '../../shared/reconcile/ledger-import';
import type { ReconcileInput, ReconcileOutput } from '../../shared/reconcile/match';
import type { LedgerSheetRow, PlatformRead, ReadResult, SheetOut, SheetProblem } from '../../shared/reconcile/sheet';
import type { BankRow, SheetKind } from '../../shared/reconcile/types';

const mappingSchema = z.object({ columns: z.record(z.string(), z.string()), sheet: z.string().optional() });

/** UI → worker. */
export const sheetRequestSchema = z.discriminatedUnion('type', [
  /** Read a platform export or a bank statement (`want` says which the clerk picked it as). */
  z.object({ type: z.literal('read'), id: z.number().int(), name: z.string(), bytes: z.instanceof(Uint8Array), want: z.enum(['platform', 'bank']), mapping: mappingSchema.optional() }),
  /** Read an Excel ledger and classify its rows against the ledger's keys (with `buyer` filled where a row has none). */
  z.object({
    type: z.literal('ledgerPreview'), id: z.number().int(), name: z.string(), bytes: z.instanceof(Uint8Array),
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), hard: z.map(z.string(), z.string()), soft: z.map(z.string(), z.string()),
    mapping: mappingSchema.optional(), buyer: z.object({ name: z.string(), taxId: z.string() }).optional(),
  }),
  /** Write sheets to .xlsx bytes (a 100,000-invoice export takes seconds). */
  z.object({
    type: z.literal('write'), id: z.number().int(),
    sheets: z.array(z.looseObject({ name: z.string(), header: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) })),
  }),
  /** A slice of a preview's invoices to import (kept in the worker until the clerk confirms). */
  z.object({ type: z.literal('items'), id: z.number().int(), previewId: z.number().int(), from: z.number().int().min(0), count: z.number().int().min(1) }),
  /** Drop a preview's invoices (the file was cancelled, imported or read again). */
  z.object({ type: z.literal('forget'), id: z.number().int(), previewId: z.number().int() }),
  /** Reconcile (the input was built by the UI from rows this worker read and the ledger). */
  z.object({ type: z.literal('reconcile'), id: z.number().int(), input: z.looseObject({ list: z.array(z.unknown()), ledger: z.array(z.unknown()) }) }),
]);
export type SheetRequest = z.infer<typeof sheetRequestSchema>;

/** What the worker tells about a file besides its rows: its hash and the headers it could offer for a mapping. */
export interface FileFacts {
  readonly name: string;
  readonly sha256: string;
  readonly sheets: readonly string[];
  /** The cells of the row that looks most like a header (for the column-mapping editor). */
  readonly headers: readonly string[];
}

/** A platform export (with its 信息汇总表 line items when the workbook has them) or a bank statement, read. */
export type ReadOk =
  | { readonly kind: 'platform'; readonly sheetKind: SheetKind; readonly read: PlatformRead }
  | { readonly kind: 'bank'; readonly sheetKind: SheetKind; readonly read: ReadResult<BankRow> };

/** The most rows needing attention a preview sends to the page (the counts cover them all). */
export const MAX_ATTENTION = 200;

/**
 * A ledger spreadsheet read and previewed. Only the counts and the rows to look at come to the page; the invoices
 * to import stay in the worker under `previewId` until the clerk confirms (50,000 of them would stall the page
 * for a second when they arrive, and the clerk may cancel).
 */
export interface LedgerPreviewOk {
  readonly read: Omit<ReadResult<LedgerSheetRow>, 'rows'>;
  readonly previewId: number;
  readonly counts: ImportCounts;
  /** Rows refused, then duplicated, then warned (each in row order), at most MAX_ATTENTION of them. */
  readonly attention: readonly RowOutcome[];
  readonly attentionTotal: number;
}

/** A job that threw (a bug, or memory): the detail is technical. */
export interface JobFailure { readonly code: 'failed'; readonly params: { readonly detail: string } }

/** Replies, by request type. */
export interface SheetReplies {
  readonly read: { readonly facts: FileFacts; readonly result: Result<ReadOk, SheetProblem> };
  readonly ledgerPreview: { readonly facts: FileFacts; readonly result: Result<LedgerPreviewOk, SheetProblem> };
  readonly reconcile: { readonly result: Result<ReconcileOutput, JobFailure> };
  readonly write: { readonly result: Result<Uint8Array, JobFailure> };
  readonly items: { readonly result: Result<readonly ImportItem[], JobFailure> };
  readonly forget: { readonly result: Result<true, JobFailure> };
}

/** Worker → UI. */
export type SheetReply = { readonly [K in keyof SheetReplies]: { readonly type: K; readonly id: number } & SheetReplies[K] }[keyof SheetReplies];

/** Worker → UI, as checked on arrival (the payload itself is produced by our own code in the worker). */
export const sheetReplySchema = z.object({
  type: z.enum(['read', 'ledgerPreview', 'reconcile', 'write', 'items', 'forget']),
  id: z.number().int(),
  result: z.looseObject({ ok: z.boolean() }),
});

/** The request a caller builds (the client adds the id). */
export type SheetJob = ReconcileJob | WriteJob | FileJob<'read'> | FileJob<'ledgerPreview'> | Omit<Extract<SheetRequest, { type: 'items' }>, 'id'> | Omit<Extract<SheetRequest, { type: 'forget' }>, 'id'>;
/** A file job: the request without its id. */
export type FileJob<K extends 'read' | 'ledgerPreview'> = Omit<Extract<SheetRequest, { type: K }>, 'id'>;
/** A reconcile job, typed with the matching's own input. */
export interface ReconcileJob { readonly type: 'reconcile'; readonly input: ReconcileInput }
/** A write job, typed with the writer's own sheets. */
export interface WriteJob { readonly type: 'write'; readonly sheets: readonly SheetOut[] }
