/**
 * Schema versions are data (CONVENTIONS §10): each entry is one Dexie version. Never edit a shipped
 * version; add a new one (with an upgrade function and a test) instead.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      invoices:
        'id, [_deleted+issueDate], status, kind, number, code, _hard, _soft, seller.taxId, buyer.taxId, total, _hasAttachment, updatedAt, *_terms',
      audit: 'seq, entityId, at',
      outbox: 'mutationId, state, entityId',
      attachments: 'sha256',
      views: 'id, name',
      meta: 'key',
    },
  },
] as const;

/** The database name in IndexedDB (the origin is fixed, so this never moves). */
export const DB_NAME = 'fapiao-desk';
