import type { Invoice, InvoiceContent, InvoiceId, InvoiceStatus, Issue, FieldSource } from '../../shared/domain/invoice';
import { applyTransition, type StatusError } from '../../shared/domain/status';
import { statusAction } from '../../shared/auth/mutation-actions';
import type { PermissionRefusal, PermissionTarget } from '../../shared/auth/roles';
import { hardKey, softKey } from '../../shared/domain/duplicates';
import type { LedgerDb } from './db';
import { fromRow, toRow } from './rows';
import { journalChange, journalChanges } from './journal';
import { storeAttachments, type AttachmentInput } from './attachments';
import { putListEntry } from './list-index';
import { purgeSummary, purgeTables, removeInvoices } from './invoice-purge';
import { refusalIn } from './permission';
import type { InvoiceRow } from './rows';
import type { WriteContext } from './write-context';

/** Why a save was refused; everything typed stays in the form. 'forbidden': the signed-in role may not (issue #13). */
export type SaveRefusal =
  | { readonly kind: 'hardDuplicate'; readonly existingId: InvoiceId; readonly existingDeleted: boolean }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'stale'; readonly updatedBy: string; readonly updatedAt: string }
  | PermissionRefusal;

/** Outcome of a save. */
export type SaveOutcome = { readonly ok: true; readonly invoice: Invoice } | { readonly ok: false; readonly error: SaveRefusal };

/** Outcome of a status change. */
export type StatusOutcome =
  | { readonly ok: true; readonly invoice: Invoice }
  | { readonly ok: false; readonly error: StatusError | { readonly code: 'notFound' } | PermissionRefusal };

/** Outcome of a permanent delete: only an invoice already in the recycle bin can be purged. */
export type PurgeOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: { readonly kind: 'notFound' } | { readonly kind: 'notInBin' } | PermissionRefusal };

/** What the owner rule looks at on an invoice (shared/auth/roles.ts OWNER_RULE). */
const targetOf = (row: InvoiceRow | undefined): PermissionTarget | undefined => (row ? { createdBy: row.createdBy, status: row.status } : undefined);
const about = (id: string) => ({ entity: 'invoice', entityId: id });

export type { AttachmentInput } from './attachments';

/** Options of a new invoice beyond its content. */
export interface CreateOptions {
  readonly warnings: readonly Issue[];
  readonly source?: FieldSource;
  readonly fieldSources?: Invoice['fieldSources'];
  /** Original files; each is stored once by its SHA-256, in the same transaction as the invoice. */
  readonly attachments?: readonly AttachmentInput[];
}

/**
 * All invoice writes. Each one puts the record, its audit entry and its outbox mutation in ONE transaction,
 * so a crash leaves either all three or none.
 */
export class InvoiceRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
  ) {}

  private tables() {
    return [this.db.invoices, this.db.listChunks, this.db.listRevs, this.db.audit, this.db.outbox, this.db.meta, this.db.attachments];
  }

  /** Finds a live or deleted invoice with the same hard key (same code+number, or same 数电 number). */
  async findHardDuplicate(content: Pick<InvoiceContent, 'code' | 'number'>, excludeId?: InvoiceId): Promise<Invoice | undefined> {
    const rows = await this.db.invoices.where('_hard').equals(hardKey(content)).toArray();
    const row = rows.find((r) => r.id !== excludeId);
    return row ? fromRow(row) : undefined;
  }

  /** Live invoices with the same seller tax id, date and total: probably the same invoice typed twice. */
  async findSoftDuplicates(content: InvoiceContent, excludeId?: InvoiceId): Promise<Invoice[]> {
    const rows = await this.db.invoices.where('_soft').equals(softKey(content)).toArray();
    return rows.filter((r) => r.id !== excludeId && !r.deleted).map(fromRow);
  }

  /** Records a new invoice in status 已录入; refuses a hard duplicate. */
  async create(content: InvoiceContent, options: CreateOptions): Promise<SaveOutcome> {
    return this.db.transaction('rw', this.tables(), async (): Promise<SaveOutcome> => {
      const refused = await refusalIn(this.db, this.ctx, 'invoice.create', about(''));
      if (refused) return { ok: false, error: refused };
      const dup = await this.findHardDuplicate(content);
      if (dup) return { ok: false, error: { kind: 'hardDuplicate', existingId: dup.id, existingDeleted: dup.deleted } };
      const at = this.ctx.now();
      const user = this.ctx.user;
      const invoice: Invoice = {
        ...content,
        id: this.ctx.newId(),
        status: 'entered',
        statusHistory: [{ from: null, to: 'entered', at, by: user, reason: '' }],
        tags: [],
        attachments: (options.attachments ?? []).map((a) => a.sha256),
        source: options.source ?? 'manual',
        fieldSources: options.fieldSources ?? {},
        warnings: options.warnings,
        createdBy: user,
        createdAt: at,
        updatedBy: user,
        updatedAt: at,
        version: 0,
        deleted: false,
        deletedAt: null,
      };
      await storeAttachments(this.db, options.attachments ?? [], at);
      await this.db.invoices.add(toRow(invoice, await putListEntry(this.db, invoice, undefined)));
      await journalChange(this.db, 'invoice', 'create', undefined, invoice, this.ctx, at);
      return { ok: true, invoice };
    });
  }

  /**
   * Replaces an invoice's content. `expectedUpdatedAt` is when the clerk opened it: if someone saved it
   * since, the save is refused instead of silently overwriting their edit.
   */
  async update(id: InvoiceId, content: InvoiceContent, warnings: readonly Issue[], expectedUpdatedAt: string): Promise<SaveOutcome> {
    return this.db.transaction('rw', this.tables(), async (): Promise<SaveOutcome> => {
      const row = await this.db.invoices.get(id);
      const refused = await refusalIn(this.db, this.ctx, 'invoice.edit', about(id), targetOf(row));
      if (refused) return { ok: false, error: refused };
      if (!row) return { ok: false, error: { kind: 'notFound' } };
      if (row.updatedAt !== expectedUpdatedAt) return { ok: false, error: { kind: 'stale', updatedBy: row.updatedBy, updatedAt: row.updatedAt } };
      const dup = await this.findHardDuplicate(content, id);
      if (dup) return { ok: false, error: { kind: 'hardDuplicate', existingId: dup.id, existingDeleted: dup.deleted } };
      const before = fromRow(row);
      const at = this.ctx.now();
      const after: Invoice = { ...before, ...content, warnings, updatedAt: at, updatedBy: this.ctx.user };
      await this.db.invoices.put(toRow(after, await putListEntry(this.db, after, row._chunk)));
      await journalChange(this.db, 'invoice', 'update', before, after, this.ctx, at);
      return { ok: true, invoice: after };
    });
  }

  /** Moves an invoice through the status machine (reasons required where the rules say so). */
  async changeStatus(id: InvoiceId, to: InvoiceStatus, reason: string): Promise<StatusOutcome> {
    return this.db.transaction('rw', this.tables(), async (): Promise<StatusOutcome> => {
      const row = await this.db.invoices.get(id);
      const refused = await refusalIn(this.db, this.ctx, statusAction(row?.status, to), about(id), targetOf(row));
      if (refused) return { ok: false, error: refused };
      if (!row || row.deleted) return { ok: false, error: { code: 'notFound' } };
      const before = fromRow(row);
      const at = this.ctx.now();
      const next = applyTransition(before, to, { by: this.ctx.user, at, reason });
      if (!next.ok) return { ok: false, error: next.error };
      const after: Invoice = { ...before, ...next.value, updatedAt: at, updatedBy: this.ctx.user };
      await this.db.invoices.put(toRow(after, await putListEntry(this.db, after, row._chunk)));
      await journalChange(this.db, 'invoice', 'status', before, after, this.ctx, at);
      return { ok: true, invoice: after };
    });
  }

  /** Moves an invoice to the recycle bin (soft delete: nothing is erased). */
  async softDelete(id: InvoiceId): Promise<SaveOutcome> {
    return this.setDeleted(id, true);
  }

  /** Brings an invoice back from the recycle bin. */
  async restore(id: InvoiceId): Promise<SaveOutcome> {
    return this.setDeleted(id, false);
  }

  private async setDeleted(id: InvoiceId, deleted: boolean): Promise<SaveOutcome> {
    return this.db.transaction('rw', this.tables(), async (): Promise<SaveOutcome> => {
      const row = await this.db.invoices.get(id);
      const refused = await refusalIn(this.db, this.ctx, deleted ? 'invoice.delete' : 'invoice.restore', about(id), targetOf(row));
      if (refused) return { ok: false, error: refused };
      if (!row) return { ok: false, error: { kind: 'notFound' } };
      const before = fromRow(row);
      if (before.deleted === deleted) return { ok: true, invoice: before };
      const at = this.ctx.now();
      const after: Invoice = { ...before, deleted, deletedAt: deleted ? at : null, updatedAt: at, updatedBy: this.ctx.user };
      await this.db.invoices.put(toRow(after, await putListEntry(this.db, after, row._chunk)));
      await journalChange(this.db, 'invoice', deleted ? 'delete' : 'restore', before, after, this.ctx, at);
      return { ok: true, invoice: after };
    });
  }

  /**
   * Settles sync conflicts with the clerk's choice: sets the chosen top-level field values as a normal audited
   * change whose outbox mutation names the conflicts it resolves.
   */
  async resolveConflicts(id: InvoiceId, values: Readonly<Record<string, unknown>>, conflictIds: readonly number[]): Promise<SaveOutcome> {
    return this.db.transaction('rw', [...this.tables(), this.db.conflicts], async (): Promise<SaveOutcome> => {
      const row = await this.db.invoices.get(id);
      const refused = await refusalIn(this.db, this.ctx, 'conflict.resolve', about(id));
      if (refused) return { ok: false, error: refused };
      if (!row) return { ok: false, error: { kind: 'notFound' } };
      const before = fromRow(row);
      const at = this.ctx.now();
      const after = { ...before, ...values, id, updatedAt: at, updatedBy: this.ctx.user } as Invoice;
      await this.db.invoices.put(toRow(after, await putListEntry(this.db, after, row._chunk)));
      await journalChange(this.db, 'invoice', 'update', before, after, this.ctx, at, { resolves: conflictIds, fields: Object.keys(values) });
      await this.db.conflicts.where('id').anyOf([...conflictIds]).modify({ open: 0, resolvedLocally: true });
      return { ok: true, invoice: after };
    });
  }

  /**
   * Deletes an invoice from the recycle bin for good (admin): the record, its list entry and the originals nothing
   * else keeps. Audited as 'purge' (with what the invoice was) and sent as a delete the server keeps as a tombstone.
   */
  async purge(id: InvoiceId): Promise<PurgeOutcome> {
    return this.db.transaction('rw', [...this.tables(), ...purgeTables(this.db)], async (): Promise<PurgeOutcome> => {
      const row = await this.db.invoices.get(id);
      const refused = await refusalIn(this.db, this.ctx, 'invoice.purge', about(id), targetOf(row));
      if (refused) return { ok: false, error: refused };
      if (!row) return { ok: false, error: { kind: 'notFound' } };
      if (!row.deleted) return { ok: false, error: { kind: 'notInBin' } };
      await removeInvoices(this.db, [row]);
      const tombstone = { id, deleted: true, purged: true };
      await journalChanges(this.db, [{
        entity: 'invoice', action: 'purge', before: fromRow(row), after: tombstone,
        audit: { before: purgeSummary(row), after: { purged: true } },
      }], this.ctx, this.ctx.now());
      return { ok: true };
    });
  }

  /** Invoices that keep this original file (a second copy of an already captured file is flagged with these). */
  async findByAttachment(sha256: string): Promise<Invoice[]> {
    const rows = await this.db.invoices.where('attachments').equals(sha256).toArray();
    return rows.map(fromRow);
  }

  /** One invoice, deleted or not. */
  async get(id: InvoiceId): Promise<Invoice | undefined> {
    const row = await this.db.invoices.get(id);
    return row ? fromRow(row) : undefined;
  }
}
