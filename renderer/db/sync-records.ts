import type { Invoice, InvoiceId } from '../../shared/domain/invoice';
import type { Fen } from '../../shared/domain/money';

/**
 * Every field of an invoice with a neutral value: a record first seen in a pull is laid over this, so a
 * server copy missing a field (an older client's record) still makes a complete row for keys and the list.
 */
export function blankInvoice(id: string): Invoice {
  const zero = 0 as Fen;
  return {
    id: id as InvoiceId, kind: 'other', code: '', number: '', issueDate: '',
    seller: { name: '', taxId: '' }, buyer: { name: '', taxId: '' }, lines: [],
    amount: zero, tax: zero, total: zero, taxRate: '', checkCode: '', remarks: '', isRed: false,
    status: 'entered', statusHistory: [], tags: [], attachments: [], source: 'manual', fieldSources: {}, warnings: [],
    createdBy: '', createdAt: '', updatedBy: '', updatedAt: '', version: 0, deleted: false, deletedAt: null,
  };
}

/** Who the audit log names for changes that came from the office server. */
export const SYNC_USER = 'sync';
