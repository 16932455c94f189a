import type { InvoiceFilter } from '../../shared/search/invoice-filter';
import { compactFilter } from '../../shared/search/invoice-filter';
import type { LedgerDb, SavedView } from './db';
import type { WriteContext } from './write-context';
import { requirePermission } from './permission';

/** Named list filters the clerk saved. */
export class ViewsRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
  ) {}

  /** Saves (or replaces, by name) a view. */
  async save(name: string, filter: InvoiceFilter): Promise<SavedView> {
    const trimmed = name.trim();
    await requirePermission(this.db, this.ctx, 'view.save', { entity: 'view', entityId: trimmed });
    return this.db.transaction('rw', this.db.views, async () => {
      const existing = await this.db.views.where('name').equals(trimmed).first();
      const view: SavedView = { id: existing?.id ?? this.ctx.newId(), name: trimmed, filter: compactFilter(filter), createdAt: this.ctx.now() };
      await this.db.views.put(view);
      return view;
    });
  }

  /** Removes a view. */
  async remove(id: string): Promise<void> {
    await requirePermission(this.db, this.ctx, 'view.save', { entity: 'view', entityId: id });
    await this.db.views.delete(id);
  }
}
