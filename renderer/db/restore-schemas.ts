/*
 * Shapes of the rows in an export folder: it comes from a USB stick or a backup, so every row is parsed before it
 * is written into a database. Invoices are checked for the fields the ledger indexes and derives from; extra fields
 * are kept (a newer app's additions survive a round trip through this one).
 */
import { z } from 'zod';
import { INVOICE_KINDS, INVOICE_STATUSES } from '../../shared/domain/invoice';
import type { ExportTable } from '../../shared/backup/export-format';
import { conflictSchema } from '../../shared/sync/protocol';
import { ENTITY_FIELDS } from '../../shared/sync/entity-fields';
import type { SyncEntity } from '../../shared/sync/entities';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const party = z.looseObject({ name: z.string(), taxId: z.string() });

const invoiceRow = z.looseObject({
  id: z.string().min(1),
  kind: z.enum(INVOICE_KINDS),
  code: z.string(),
  number: z.string(),
  issueDate: z.string(),
  seller: party,
  buyer: party,
  lines: z.array(z.looseObject({})),
  amount: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
  status: z.enum(INVOICE_STATUSES),
  statusHistory: z.array(z.looseObject({ to: z.enum(INVOICE_STATUSES) })),
  attachments: z.array(z.string()),
  deleted: z.boolean(),
  updatedAt: z.string(),
});

const auditRow = z.looseObject({
  seq: z.number().int().min(1),
  at: z.string(),
  user: z.string(),
  action: z.string().min(1),
  entity: z.string(),
  entityId: z.string(),
  prevHash: sha256,
  hash: sha256,
});

const outboxRow = z.looseObject({
  mutationId: z.number().int().min(0),
  entity: z.string(),
  entityId: z.string(),
  state: z.string(),
});

const attachmentRow = z.looseObject({
  sha256,
  name: z.string(),
  type: z.string(),
  size: z.number().int().min(0),
  addedAt: z.string(),
});

const viewRow = z.looseObject({ id: z.string().min(1), name: z.string(), filter: z.looseObject({}) });

const metaRow = z.looseObject({ key: z.string().min(1), value: z.unknown() });

// A conflict as the server sent it plus the review state this PC keeps (db.ts ConflictRow).
const conflictRow = conflictSchema.extend({ open: z.union([z.literal(0), z.literal(1)]), resolvedLocally: z.boolean().optional() }).loose();

// Reconciliation and case records (issue #11): the fields the sync server checks, and an id.
const record = (entity: SyncEntity) => ENTITY_FIELDS[entity].and(z.looseObject({ id: z.string().min(1) }));

/** The row schema of each exported table. */
export const ROW_SCHEMAS: Readonly<Record<ExportTable, z.ZodType<Record<string, unknown>>>> = {
  invoices: invoiceRow,
  audit: auditRow,
  outbox: outboxRow,
  attachments: attachmentRow,
  views: viewRow,
  meta: metaRow,
  conflicts: conflictRow,
  cases: record('case'),
  contacts: record('caseContact'),
  matches: record('match'),
  mappings: record('mapping'),
  runs: record('reconcileRun'),
  findings: record('findingNote'),
  imports: record('importBatch'),
  periodchecks: record('periodCheck'),
};
