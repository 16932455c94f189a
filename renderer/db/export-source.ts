/*
 * The backup format reads the ledger through an ExportSource (shared/backup/types.ts): here a consistent ledger
 * snapshot, so a backup needs no export folder on disk first.
 */
import type { ExportSource } from '../../shared/backup/types';
import type { LedgerSnapshot } from './export-ledger';

/** The backup's view of a ledger snapshot: the same files an export folder holds. */
export function snapshotExportSource(snapshot: LedgerSnapshot, manifest: Uint8Array): ExportSource {
  const tables = new Map(snapshot.tables.map((t) => [`${t.table}.ndjson`, t.bytes]));
  const attachments = new Map(snapshot.attachments.map((a) => [a.sha256, a.blob]));
  return {
    readManifest: () => Promise.resolve(manifest),
    readTable: (file) => Promise.resolve(tables.get(file) ?? null),
    listAttachments: () => Promise.resolve([...attachments.keys()]),
    async readAttachment(sha256) {
      const blob = attachments.get(sha256);
      return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
    },
  };
}
