/**
 * Schema versions are data (docs/architecture.md#schema-versions-are-data): each entry is one Dexie version. Never edit a shipped
 * version; add a new one (with an upgrade function and a test) instead.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      // Filtering uses the columnar listChunks; invoices only index duplicate keys and the newest-first order
      // of the unfiltered ledger, which paints the first screen before the list index has loaded.
      invoices: 'id, _hard, _soft, updatedAt, [_deleted+issueDate], *attachments',
      listChunks: 'chunk',
      listRevs: 'chunk',
      audit: 'seq, entityId, at',
      outbox: 'mutationId, state, entityId',
      attachments: 'sha256',
      views: 'id, name',
      meta: 'key',
    },
  },
  {
    // Sync (issue #4): server conflicts kept for review (open = 1 until resolved), the blobs the office
    // server already holds, and acked outbox rows by server version (the ones a pull must not overwrite).
    // No rows change, so no upgrade function.
    version: 2,
    stores: {
      invoices: 'id, _hard, _soft, updatedAt, [_deleted+issueDate], *attachments',
      listChunks: 'chunk',
      listRevs: 'chunk',
      audit: 'seq, entityId, at',
      outbox: 'mutationId, state, entityId, ackedVersion, [state+mutationId]',
      attachments: 'sha256',
      views: 'id, name',
      meta: 'key',
      conflicts: 'id, entityId, open',
      syncedBlobs: 'sha256',
    },
  },
  {
    // Reconciliation and cases (issue #11): the new synced entities (shared/sync/entities.ts), one table each.
    // Import undo reads a batch's invoice ids from its ImportBatch record, so invoices need no new index.
    // Indexes no query uses are dropped (invoices.updatedAt, audit.at, outbox.entityId, and outbox.state, which
    // [state+mutationId] answers too): each cost every write, and an import writes three rows per invoice.
    // No rows change, so no upgrade function.
    version: 3,
    stores: {
      invoices: 'id, _hard, _soft, [_deleted+issueDate], *attachments',
      listChunks: 'chunk',
      listRevs: 'chunk',
      audit: 'seq, entityId',
      outbox: 'mutationId, ackedVersion, [state+mutationId]',
      attachments: 'sha256',
      views: 'id, name',
      meta: 'key',
      conflicts: 'id, entityId, open',
      syncedBlobs: 'sha256',
      cases: 'id, state, invoiceId, replacementId, findingKey, updatedAt',
      contacts: 'id, caseId, followUp',
      matches: 'id, paymentKey',
      mappings: 'id, kind, name',
      runs: 'id, createdAt',
      findings: 'id',
      imports: 'id, createdAt',
    },
  },
  {
    // Sign-in, roles and audit (issue #13): users are a synced entity (login unique); the audit trail is filtered
    // by user, action and time, and read from the end when it is pushed to the server. Sign-in attempts and
    // lockouts are per PC (the signins table; never synced). No rows change, so no upgrade function.
    version: 4,
    stores: {
      invoices: 'id, _hard, _soft, [_deleted+issueDate], *attachments',
      listChunks: 'chunk',
      listRevs: 'chunk',
      audit: 'seq, entityId, user, action, at',
      outbox: 'mutationId, ackedVersion, [state+mutationId]',
      attachments: 'sha256',
      views: 'id, name',
      meta: 'key',
      conflicts: 'id, entityId, open',
      syncedBlobs: 'sha256',
      cases: 'id, state, invoiceId, replacementId, findingKey, updatedAt',
      contacts: 'id, caseId, followUp',
      matches: 'id, paymentKey',
      mappings: 'id, kind, name',
      runs: 'id, createdAt',
      findings: 'id',
      imports: 'id, createdAt',
      users: 'id, &login',
      signins: 'login',
    },
  },
  {
    // Feedback (issue #14): a clerk's reports to the admin, a synced entity listed newest first. No rows change.
    version: 5,
    stores: {
      invoices: 'id, _hard, _soft, [_deleted+issueDate], *attachments',
      listChunks: 'chunk',
      listRevs: 'chunk',
      audit: 'seq, entityId, user, action, at',
      outbox: 'mutationId, ackedVersion, [state+mutationId]',
      attachments: 'sha256',
      views: 'id, name',
      meta: 'key',
      conflicts: 'id, entityId, open',
      syncedBlobs: 'sha256',
      cases: 'id, state, invoiceId, replacementId, findingKey, updatedAt',
      contacts: 'id, caseId, followUp',
      matches: 'id, paymentKey',
      mappings: 'id, kind, name',
      runs: 'id, createdAt',
      findings: 'id',
      imports: 'id, createdAt',
      users: 'id, &login',
      signins: 'login',
      feedback: 'id, createdAt',
    },
  },
  {
    // Month-end checks (issue #14): saved 月末核对 results, a synced entity listed newest first. No rows change.
    version: 6,
    stores: {
      invoices: 'id, _hard, _soft, [_deleted+issueDate], *attachments',
      listChunks: 'chunk',
      listRevs: 'chunk',
      audit: 'seq, entityId, user, action, at',
      outbox: 'mutationId, ackedVersion, [state+mutationId]',
      attachments: 'sha256',
      views: 'id, name',
      meta: 'key',
      conflicts: 'id, entityId, open',
      syncedBlobs: 'sha256',
      cases: 'id, state, invoiceId, replacementId, findingKey, updatedAt',
      contacts: 'id, caseId, followUp',
      matches: 'id, paymentKey',
      mappings: 'id, kind, name',
      runs: 'id, createdAt',
      findings: 'id',
      imports: 'id, createdAt',
      users: 'id, &login',
      signins: 'login',
      feedback: 'id, createdAt',
      periodchecks: 'id, createdAt',
    },
  },
] as const;

/** The database name in IndexedDB (the origin is fixed, so this never moves). */
export const DB_NAME = 'fapiao-desk';
