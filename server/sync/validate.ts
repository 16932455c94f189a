import { z } from 'zod';
import { INVOICE_KINDS, INVOICE_STATUSES } from '../../shared/domain';
import type { WireMutation } from '../../shared/sync/protocol';

// The server checks the types of the invoice fields it knows, so a broken client cannot poison every other
// device's ledger. Unknown fields pass: a newer client may add one before the server learns of it.
const party = z.object({ name: z.string(), taxId: z.string() });
const fen = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer');
const text = z.string().max(100_000);
const invoiceFields = z.object({
  id: z.string(),
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
  attachments: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  source: z.string(),
  fieldSources: z.record(z.string(), z.unknown()),
  warnings: z.array(z.unknown()),
  createdBy: text,
  createdAt: text,
  updatedBy: text,
  updatedAt: text,
  deleted: z.boolean(),
  deletedAt: z.string().nullable(),
}).partial().loose();

/** Fields the server owns: a client never sets them. */
const SERVER_FIELDS = ['version'];

/** Why a mutation cannot be applied (shape is fine, content is not), or undefined when it is valid. */
export function invalidReason(m: WireMutation): string | undefined {
  for (const field of SERVER_FIELDS) {
    if (field in m.changes) return `field "${field}" is assigned by the server and cannot be changed`;
  }
  if ('id' in m.changes && m.changes['id'] !== m.entityId) {
    return `field "id" (${JSON.stringify(m.changes['id'])}) does not match entityId "${m.entityId}"`;
  }
  if (m.op === 'delete' && m.changes['deleted'] === false) return 'a delete cannot set "deleted" to false';
  const parsed = invoiceFields.safeParse(m.changes);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map(String).join('.') : '?';
    return `field "${path}": ${issue?.message ?? 'invalid value'}`;
  }
  return undefined;
}
