/*
 * The fields of each synced entity as the office server checks them (server/sync/validate.ts), so a broken client
 * cannot poison every other device's data. A mutation carries only the fields it changed, hence every schema is
 * partial; unknown fields pass, because a newer client may add one before the server learns of it.
 */
import { z } from 'zod';
import { INVOICE_KINDS, INVOICE_STATUSES } from '../domain/invoice';
import { CASE_STATES, CONTACT_CHANNELS } from '../cases/types';
import { FINDING_TYPES, type SheetKind } from '../reconcile/types';
import type { SyncEntity } from './entities';
import { ROLES } from '../auth/roles';
import { LOGIN_PATTERN } from '../auth/user';
import { periodCheckFields } from '../period-check/record';

const party = z.object({ name: z.string(), taxId: z.string() });
const fen = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer');
const text = z.string().max(100_000);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const ref = z.string().max(500);
const SHEET_KINDS = ['platform', 'check', 'bank', 'ledger'] as const satisfies readonly SheetKind[];

/** Bookkeeping every synced record carries (the server owns `version`, which no mutation may set). */
const meta = {
  id: z.string(),
  createdBy: text,
  createdAt: text,
  updatedBy: text,
  updatedAt: text,
  deleted: z.boolean(),
};

const invoice = z.object({
  ...meta,
  kind: z.enum(INVOICE_KINDS),
  code: text,
  number: text,
  issueDate: text,
  seller: party,
  buyer: party,
  lines: z.array(z.object({ name: z.string(), amount: fen, tax: fen }).loose()),
  amount: fen,
  tax: fen,
  total: fen,
  taxRate: text,
  checkCode: text,
  remarks: text,
  isRed: z.boolean(),
  status: z.enum(INVOICE_STATUSES),
  statusHistory: z.array(z.object({ to: z.enum(INVOICE_STATUSES), at: z.string(), by: z.string() }).loose()),
  tags: z.array(z.string()),
  attachments: z.array(sha256),
  source: z.string(),
  fieldSources: z.record(z.string(), z.unknown()),
  warnings: z.array(z.unknown()),
  deletedAt: z.string().nullable(),
});

const invoiceCase = z.object({
  ...meta,
  title: text,
  state: z.enum(CASE_STATES),
  stateHistory: z.array(z.object({ to: z.enum(CASE_STATES), at: z.string(), by: z.string() }).loose()),
  origin: z.enum(['report', 'invoice', 'manual']),
  ref: z.object({
    kind: z.enum(INVOICE_KINDS).nullable(), code: text, number: text, issueDate: text, seller: party, total: fen.nullable(),
  }).loose(),
  invoiceId: ref.nullable(),
  replacementId: ref.nullable(),
  findingKey: ref.nullable(),
  checklist: z.record(z.string(), z.boolean()),
  attachments: z.array(sha256),
  closeReason: text,
  notes: text,
});

const caseContact = z.object({
  ...meta,
  caseId: ref,
  date: text,
  channel: z.enum(CONTACT_CHANNELS),
  person: text,
  summary: text,
  nextStep: text,
  followUp: text,
  followUpDone: z.boolean(),
});

const match = z.object({
  ...meta,
  paymentKey: ref,
  invoiceIds: z.array(ref),
  decision: z.enum(['confirmed', 'rejected']),
  score: z.number().min(0).max(1),
  date: text,
  amount: fen,
  counterparty: text,
});

const mapping = z.object({
  ...meta,
  name: text,
  kind: z.enum(SHEET_KINDS),
  columns: z.record(z.string(), z.string()),
  sheet: text,
});

const reconcileRun = z.object({
  ...meta,
  period: z.object({ from: z.string(), to: z.string() }),
  direction: z.enum(['in', 'out']),
  sources: z.array(z.object({ kind: z.enum(SHEET_KINDS), name: z.string(), sha256, rows: z.number().int().min(0) }).loose()),
  summary: z.record(z.string(), z.number().int()),
  findingKeys: z.array(ref),
});

const findingNote = z.object({
  ...meta,
  type: z.enum(FINDING_TYPES),
  handled: z.boolean(),
  note: text,
  caseId: ref.nullable(),
});

const importBatch = z.object({
  ...meta,
  fileName: text,
  sha256,
  invoiceIds: z.array(ref),
  undone: z.boolean(),
});

const user = z.object({
  ...meta,
  login: z.string().regex(LOGIN_PATTERN),
  displayName: z.string().max(200),
  role: z.enum(ROLES),
  passwordHash: z.string().startsWith('$argon2id$').max(500),
  mustChangePassword: z.boolean(),
  recoveryHash: z.string().max(500),
  disabled: z.boolean(),
});

const feedback = z.object({
  ...meta,
  screen: z.string().max(200),
  doing: text,
  message: text,
  appVersion: z.string().max(100),
  diagnostics: z.record(z.string(), z.unknown()).nullable(),
  includeInvoiceContent: z.boolean(),
  status: z.enum(['new', 'read']),
});

const periodCheck = z.object({ ...meta, ...periodCheckFields.shape });

/** The field schema of each entity: partial (a mutation holds only changed fields) and loose (unknown fields pass). */
export const ENTITY_FIELDS: Readonly<Record<SyncEntity, z.ZodType<Record<string, unknown>>>> = {
  invoice: invoice.partial().loose(),
  case: invoiceCase.partial().loose(),
  caseContact: caseContact.partial().loose(),
  match: match.partial().loose(),
  mapping: mapping.partial().loose(),
  reconcileRun: reconcileRun.partial().loose(),
  findingNote: findingNote.partial().loose(),
  importBatch: importBatch.partial().loose(),
  user: user.partial().loose(),
  feedback: feedback.partial().loose(),
  periodCheck: periodCheck.partial().loose(),
};
