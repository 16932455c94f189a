/*
 * The registry of synced entities (docs/architecture.md#sync, issue #11): every record kind that travels through the outbox and
 * the office server, with the local table that holds it. The server checks each entity's fields with the schema
 * in entity-fields.ts; the renderer writes, journals and pulls every entity through the same code, keyed by this
 * list. A new entity is one line here, one schema there, and one Dexie table.
 */

/** Bookkeeping every synced record carries (invoices have their own richer set, see shared/domain/invoice.ts). */
export interface RecordMeta {
  readonly id: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  /** Last server version seen (0 = never synced). */
  readonly version: number;
  readonly deleted: boolean;
}

/** Synced entities. Values are stable wire names ('invoice' is the only one clients before issue #11 know). */
export const SYNC_ENTITIES = [
  'invoice',
  'case', // shared/cases/types.ts InvoiceCase
  'caseContact', // CaseContact: one contact-log entry of a case
  'match', // shared/reconcile/entities.ts BankMatch
  'mapping', // ColumnMapping
  'reconcileRun', // ReconcileRun
  'findingNote', // FindingNote (id = the finding's key)
  'importBatch', // ImportBatch
  'user', // shared/auth/user.ts UserRecord (issue #13): users and roles, checked by the server on every mutation
  'feedback', // shared/feedback/types.ts FeedbackRecord (issue #14): a clerk's report to the admin
  'periodCheck', // shared/period-check/record.ts PeriodCheckRecord (issue #14): a saved month-end check, never edited
] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

/** The local table of each entity (lowercase letters only: table names are also export file names). */
export const ENTITY_TABLES = {
  invoice: 'invoices',
  case: 'cases',
  caseContact: 'contacts',
  match: 'matches',
  mapping: 'mappings',
  reconcileRun: 'runs',
  findingNote: 'findings',
  importBatch: 'imports',
  user: 'users',
  feedback: 'feedback',
  periodCheck: 'periodchecks',
} as const satisfies Readonly<Record<SyncEntity, string>>;
export type EntityTable = (typeof ENTITY_TABLES)[SyncEntity];

/** What a pull without an entity list returns: invoices only, which is all a client before issue #11 can read. */
export const LEGACY_PULL_ENTITIES: readonly SyncEntity[] = ['invoice'];

/** True for a known entity name. */
export function isSyncEntity(name: string): name is SyncEntity {
  return (SYNC_ENTITIES as readonly string[]).includes(name);
}

/** The entities a pull asked for, known ones only, in registry order; no list means the legacy invoices-only pull. */
export function pullEntities(requested: readonly string[] | undefined): readonly SyncEntity[] {
  if (requested === undefined) return LEGACY_PULL_ENTITIES;
  return SYNC_ENTITIES.filter((e) => requested.includes(e));
}
