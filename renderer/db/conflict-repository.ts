import { mutationActions } from '../../shared/auth/mutation-actions';
import type { PermissionRefusal } from '../../shared/auth/roles';
import type { InvoiceId } from '../../shared/domain/invoice';
import type { ConflictRow, LedgerDb } from './db';
import { journalTables, plainTable, putPlain, type PlainEntity, type PlainRecords } from './entity-records';
import type { InvoiceRepository } from './invoice-repository';
import { PermissionRefusedError, refusalIn } from './permission';
import type { WriteContext } from './write-context';

/** Settles sync conflicts of any entity with the clerk's choice (conflicts are per field, for every entity: docs/architecture.md#sync). */
export class ConflictRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
    private readonly invoices: InvoiceRepository,
  ) {}

  /**
   * Sets the chosen top-level field values as a normal audited change whose outbox mutation names the conflicts it
   * resolves. False when the record is not on this device; throws PermissionRefusedError when the signed-in role
   * may not make that change (the same actions the office server checks: shared/auth/mutation-actions.ts).
   */
  async resolve(conflict: Pick<ConflictRow, 'entity' | 'entityId'>, values: Readonly<Record<string, unknown>>, conflictIds: readonly number[]): Promise<boolean> {
    if (conflict.entity === 'invoice') {
      const r = await this.invoices.resolveConflicts(conflict.entityId as InvoiceId, values, conflictIds);
      if (!r.ok && r.error.kind === 'forbidden') throw new PermissionRefusedError(r.error);
      return r.ok;
    }
    const r = await this.resolvePlain(conflict.entity, conflict.entityId, values, conflictIds);
    if (typeof r !== 'boolean') throw new PermissionRefusedError(r);
    return r;
  }

  private async resolvePlain(entity: PlainEntity, id: string, values: Readonly<Record<string, unknown>>, conflictIds: readonly number[]): Promise<boolean | PermissionRefusal> {
    return this.db.transaction('rw', [...journalTables(this.db, [entity]), this.db.conflicts], async (): Promise<boolean | PermissionRefusal> => {
      const before = await plainTable(this.db, entity).get(id);
      if (!before) return false;
      const needs = mutationActions({ entity, op: 'upsert', changes: values, current: before as object as Record<string, unknown>, resolves: true, by: this.ctx.user });
      for (const { action, target } of needs) {
        // The refusal's audit entry commits with this transaction, which writes nothing else.
        const refused = await refusalIn(this.db, this.ctx, action, { entity, entityId: id }, target);
        if (refused) return refused;
      }
      const after = { ...before, ...values, id, updatedAt: this.ctx.now(), updatedBy: this.ctx.user } as PlainRecords[typeof entity];
      await putPlain(this.db, entity, 'update', before, after, this.ctx, { resolves: conflictIds, fields: Object.keys(values) });
      await this.db.conflicts.where('id').anyOf([...conflictIds]).modify({ open: 0, resolvedLocally: true });
      return true;
    });
  }
}
