import type { LedgerDb } from './db';

/** An original file to keep with a record (an invoice's scan, a case's evidence), content-addressed. */
export interface AttachmentInput {
  readonly sha256: string;
  readonly name: string;
  readonly type: string;
  readonly blob: Blob;
}

/**
 * Stores each file once by its SHA-256 (a file already kept, by any record, is not stored again).
 * WARNING: call inside the 'rw' transaction (including attachments) that writes the record referencing them.
 */
export async function storeAttachments(db: LedgerDb, files: readonly AttachmentInput[], at: string): Promise<void> {
  for (const a of files) {
    if (!(await db.attachments.get(a.sha256))) {
      await db.attachments.add({ sha256: a.sha256, name: a.name, type: a.type, size: a.blob.size, blob: a.blob, addedAt: at });
    }
  }
}
