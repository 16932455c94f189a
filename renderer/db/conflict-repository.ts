import type { InvoiceId } from '../../shared/domain/invoice';
import type { ConflictRow, LedgerDb } from './db';
import { journalTables, plainTable, putPlain, type PlainEntity, type PlainRecords } from './entity-records';
import type { InvoiceRepository } from './invoice-repository';
import type { WriteContext } from './write-context';

/** Settles sync conflicts of any entity with the clerk's choice (DESIGN.md §4: conflicts are per field, for every entity). */
export class ConflictRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
    private readonly invoices: InvoiceRepository,
  ) {}

  /**
   * Sets the chosen top-level field values as a normal audited change whose outbox mutation names the conflicts it
   * resolves. False when the record is not on this device.
   */
  async resolve(conflict: Pick<ConflictRow, 'entity' | 'entityId'>, values: Readonly<Record<string, unknown>>, conflictIds: readonly number[]): Promise<boolean> {
    if (conflict.entity === 'invoice') return (await this.invoices.resolveConflicts(conflict.entityId as InvoiceId, values, conflictIds)).ok;
    return this.resolvePlain(conflict.entity, conflict.entityId, values, conflictIds);
  }

  private async resolvePlain(entity: PlainEntity, id: string, values: Readonly<Record<string, unknown>>, conflictIds: readonly number[]): Promise<boolean> {
    return this.db.transaction('rw', [...journalTables(this.db, [entity]), this.db.conflicts], async () => {
      const before = await plainTable(this.db, entity).get(id);
      if (!before) return false;
      const after = { ...before, ...values, id, updatedAt: this.ctx.now(), updatedBy: this.ctx.user } as PlainRecords[typeof entity];
      await putPlain(this.db, entity, 'update', before, after, this.ctx, { resolves: conflictIds, fields: Object.keys(values) });
      await this.db.conflicts.where('id').anyOf([...conflictIds]).modify({ open: 0, resolvedLocally: true });
      return true;
    });
  }
}
