/*
 * Reconciliation records kept, audited and synced like invoices (issue #11): runs, the clerk's notes on findings,
 * decided bank matches and saved column mappings; and the ledger as reconciliation reads it.
 */
import type { FindingType, LedgerInvoice, Period } from '../../shared/reconcile/types';
import type { BankMatch, ColumnMapping, FindingNote, ReconcileRun, RecordMeta } from '../../shared/reconcile/entities';
import type { LedgerDb } from './db';
import { edited, journalTables, newMeta, putPlain } from './entity-records';
import type { InvoiceRow } from './rows';
import type { WriteContext } from './write-context';
import { requirePermission } from './permission';

/** What the clerk may change on a finding. */
export interface FindingNotePatch {
  readonly handled?: boolean;
  readonly note?: string;
  readonly caseId?: string | null;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function ledgerInvoice(row: InvoiceRow): LedgerInvoice {
  return {
    id: row.id, kind: row.kind, code: row.code, number: row.number, issueDate: row.issueDate,
    seller: row.seller, buyer: row.buyer, amount: row.amount, tax: row.tax, total: row.total, status: row.status, deleted: row.deleted,
  };
}

/** Reconciliation writes (each one transaction with its audit entry and outbox mutation) and reads. */
export class ReconcileRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
  ) {}

  /** Saves a finished run (period, source files with their SHA-256, counts, finding keys). */
  async saveRun(run: Omit<ReconcileRun, keyof RecordMeta>): Promise<ReconcileRun> {
    await requirePermission(this.db, this.ctx, 'reconcile.run', { entity: 'reconcileRun', entityId: '' });
    return this.db.transaction('rw', journalTables(this.db, ['reconcileRun']), async () => {
      const saved: ReconcileRun = { ...newMeta(this.ctx), ...run };
      await putPlain(this.db, 'reconcileRun', 'reconcile', undefined, saved, this.ctx);
      return saved;
    });
  }

  /** Creates or changes the note on a finding (its id is the finding's stable key, so it outlives the run). */
  async setFindingNote(key: string, type: FindingType, patch: FindingNotePatch): Promise<FindingNote> {
    await requirePermission(this.db, this.ctx, 'reconcile.run', { entity: 'findingNote', entityId: key });
    return this.db.transaction('rw', journalTables(this.db, ['findingNote']), async () => {
      const before = await this.db.findings.get(key);
      const fields = {
        type,
        ...(patch.handled === undefined ? {} : { handled: patch.handled }),
        ...(patch.note === undefined ? {} : { note: patch.note }),
        ...(patch.caseId === undefined ? {} : { caseId: patch.caseId }),
      };
      const after: FindingNote = before
        ? edited(this.ctx, before, { ...fields, deleted: false })
        : { ...newMeta(this.ctx, key), handled: false, note: '', caseId: null, ...fields };
      await putPlain(this.db, 'findingNote', before ? 'update' : 'create', before, after, this.ctx);
      return after;
    });
  }

  /**
   * Records the clerk's decision on a suggested match. Deciding the same payment with the same invoices again
   * changes that decision; another set of invoices is a decision of its own.
   */
  async decideMatch(m: Omit<BankMatch, keyof RecordMeta>): Promise<BankMatch> {
    await requirePermission(this.db, this.ctx, 'reconcile.run', { entity: 'match', entityId: m.paymentKey });
    return this.db.transaction('rw', journalTables(this.db, ['match']), async () => {
      const same = await this.db.matches.where('paymentKey').equals(m.paymentKey).filter((x) => !x.deleted && sameIds(x.invoiceIds, m.invoiceIds)).first();
      const after: BankMatch = same ? edited(this.ctx, same, m) : { ...newMeta(this.ctx), ...m };
      await putPlain(this.db, 'match', same ? 'update' : 'create', same, after, this.ctx);
      return after;
    });
  }

  /** Saves a column mapping; one of the same kind and name is replaced. */
  async saveMapping(m: Omit<ColumnMapping, keyof RecordMeta>): Promise<ColumnMapping> {
    const name = m.name.trim();
    await requirePermission(this.db, this.ctx, 'mapping.edit', { entity: 'mapping', entityId: name });
    return this.db.transaction('rw', journalTables(this.db, ['mapping']), async () => {
      const same = await this.db.mappings.where('name').equals(name).filter((x) => !x.deleted && x.kind === m.kind).first();
      const after: ColumnMapping = same ? edited(this.ctx, same, { ...m, name }) : { ...newMeta(this.ctx), ...m, name };
      await putPlain(this.db, 'mapping', same ? 'update' : 'create', same, after, this.ctx);
      return after;
    });
  }

  /** Deletes a saved mapping (soft: synced and audited like any delete). */
  async deleteMapping(id: string): Promise<void> {
    await requirePermission(this.db, this.ctx, 'mapping.edit', { entity: 'mapping', entityId: id });
    await this.db.transaction('rw', journalTables(this.db, ['mapping']), async () => {
      const before = await this.db.mappings.get(id);
      if (!before || before.deleted) return;
      await putPlain(this.db, 'mapping', 'delete', before, edited(this.ctx, before, { deleted: true }), this.ctx);
    });
  }

  /**
   * The ledger's invoices dated in the period, live and in the recycle bin (flagged `deleted`), read through the
   * [_deleted+issueDate] index: only the period's rows are read, however large the ledger.
   */
  async ledgerFor(period: Period): Promise<LedgerInvoice[]> {
    const range = (deleted: 0 | 1) => this.db.invoices.where('[_deleted+issueDate]').between([deleted, period.from], [deleted, period.to], true, true).toArray();
    const [live, deleted] = await Promise.all([range(0), range(1)]);
    return [...live, ...deleted].map(ledgerInvoice);
  }

  /** Saved mappings, by name. */
  async mappings(): Promise<ColumnMapping[]> {
    return (await this.db.mappings.orderBy('name').toArray()).filter((m) => !m.deleted);
  }

  /** Saved runs, newest first. */
  async runs(): Promise<ReconcileRun[]> {
    return (await this.db.runs.orderBy('createdAt').reverse().toArray()).filter((r) => !r.deleted);
  }

  /** Notes by finding key. */
  async findingNotes(): Promise<Map<string, FindingNote>> {
    return new Map((await this.db.findings.toArray()).filter((n) => !n.deleted).map((n) => [n.id, n]));
  }

  /** Decided matches, newest first. */
  async matches(): Promise<BankMatch[]> {
    return (await this.db.matches.toArray()).filter((m) => !m.deleted).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  }
}
