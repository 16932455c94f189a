/*
 * The Excel ledger import's write path (issue #11). Typing invoices in one by one costs a transaction each; an
 * import of 50,000 rows instead goes into ONE transaction, written in chunks of CHUNK_SIZE with bulk writes: the
 * rows, their list-index entries (whole chunks at once), their audit entries (chained in memory) and outbox rows
 * (consecutive mutation ids), plus the ImportBatch record with one 'import' audit entry naming the file. Either all
 * of it commits or none: a hard duplicate that appeared since the preview refuses the whole import before anything
 * is written, and a failed write aborts the transaction. Progress is reported between chunks, while IndexedDB works.
 */
import { prepareAuditHashing } from '../../shared/audit/audit-chain';
import { hardKey } from '../../shared/domain/duplicates';
import type { FieldName, FieldSource, Invoice, InvoiceContent, InvoiceId, InvoiceStatus, Issue } from '../../shared/domain/invoice';
import { err, ok, type Result } from '../../shared/domain/result';
import type { ImportBatch } from '../../shared/reconcile/entities';
import { CHUNK_SIZE } from '../../shared/search/list-chunk';
import type { LedgerDb } from './db';
import { edited, journalTables, newMeta } from './entity-records';
import { closeJournal, journalChanges, journalEntries, openJournal, type JournalItem } from './journal';
import { appendToTail, openListTail, saveListTail } from './list-index';
import { ledgerKeys } from './ledger-keys';
import { fromRow, toRow } from './rows';
import { putListEntries } from './sync-list-index';
import type { WriteContext } from './write-context';
import { authorize, type PermissionRefusal } from '../../shared/auth/roles';
import { auditRefusal, PermissionRefusedError, refusal } from './permission';

/** One invoice a confirmed import writes (shared/reconcile/ledger-import.ts ImportItem fits). */
export interface LedgerImportItem {
  readonly content: InvoiceContent;
  readonly warnings: readonly Issue[];
  /** The spreadsheet row, for messages (the item's position + 1 when absent). */
  readonly row?: number;
  /** The status the ledger file gave (已录入 when absent). */
  readonly status?: InvoiceStatus | null;
}

/** A confirmed import. */
export interface LedgerImportInput {
  readonly fileName: string;
  readonly sha256: string;
  readonly items: readonly LedgerImportItem[];
}

/** Why an import or its undo wrote nothing; `code` is a message key (`dataError.<code>`) with `params`. */
export type ImportError =
  | { readonly code: 'empty'; readonly params: Readonly<Record<string, never>> }
  | { readonly code: 'hardDuplicate'; readonly params: { readonly row: number; readonly number: string; readonly existingId: string } }
  | { readonly code: 'duplicateInFile'; readonly params: { readonly row: number; readonly number: string; readonly firstRow: number } }
  | { readonly code: 'notFound'; readonly params: { readonly id: string } }
  | { readonly code: 'alreadyUndone'; readonly params: { readonly id: string; readonly fileName: string } }
  | { readonly code: 'writeFailed'; readonly params: { readonly message: string } };

/** The ledger's duplicate keys for the import preview: hard key (any invoice) and soft key (live ones) → invoice id. */
export interface ExistingKeys {
  readonly hard: ReadonlyMap<string, string>;
  readonly soft: ReadonlyMap<string, string>;
}

const HEADER_FIELDS: readonly (readonly [FieldName, (c: InvoiceContent) => unknown])[] = [
  ['kind', (c) => c.kind], ['code', (c) => c.code], ['number', (c) => c.number], ['issueDate', (c) => c.issueDate],
  ['buyerName', (c) => c.buyer.name], ['buyerTaxId', (c) => c.buyer.taxId], ['sellerName', (c) => c.seller.name],
  ['sellerTaxId', (c) => c.seller.taxId], ['amount', (c) => c.amount], ['tax', (c) => c.tax], ['total', (c) => c.total],
  ['taxRate', (c) => c.taxRate], ['checkCode', (c) => c.checkCode], ['remarks', (c) => c.remarks], ['isRed', (c) => c.isRed],
];
const FROM_IMPORT = { source: 'import' as FieldSource, confidence: 1 };

/** Every field the file filled in, marked as coming from the import. */
function importedFields(content: InvoiceContent): Invoice['fieldSources'] {
  const out: Partial<Record<FieldName, typeof FROM_IMPORT>> = {};
  for (const [name, read] of HEADER_FIELDS) if (read(content) !== '') out[name] = FROM_IMPORT;
  return out;
}

/** All of `writes`; a failure is seen by whoever awaits the result, never reported as unhandled before that. */
function settled(writes: readonly Promise<unknown>[]): Promise<unknown> {
  const all = Promise.all(writes);
  all.catch(() => undefined);
  return all;
}

const rowOf = (items: readonly LedgerImportItem[], i: number) => items[i]?.row ?? i + 1;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Ledger imports: commit, undo, and the keys the preview checks against. */
export class LedgerImportRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
  ) {}

  private tables() {
    return [...journalTables(this.db, ['invoice', 'importBatch']), this.db.listChunks, this.db.listRevs];
  }

  /** Writes every item or none, in one audited import whose invoices can be undone together. */
  async commit(input: LedgerImportInput, onProgress: (done: number, total: number) => void = () => undefined): Promise<Result<ImportBatch, ImportError | PermissionRefusal>> {
    const refused = await refusal(this.db, this.ctx, 'import.run', { entity: 'importBatch', entityId: input.fileName });
    if (refused) return err(refused);
    const { items } = input;
    if (items.length === 0) return err({ code: 'empty', params: {} });
    const keys = items.map((it) => hardKey(it.content));
    const first = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) {
      const seen = first.get(keys[i] ?? '');
      if (seen !== undefined) return err({ code: 'duplicateInFile', params: { row: rowOf(items, i), number: items[i]?.content.number ?? '', firstRow: rowOf(items, seen) } });
      first.set(keys[i] ?? '', i);
    }
    await prepareAuditHashing();
    try {
      return await this.db.transaction('rw', this.tables(), async (): Promise<Result<ImportBatch, ImportError>> => {
        // Re-checked inside the transaction: an invoice saved since the preview makes the whole import refuse.
        const { hard } = await ledgerKeys(this.db, true);
        const clash = keys.findIndex((k) => hard.has(k));
        if (clash >= 0) {
          const number = items[clash]?.content.number ?? '';
          return err({ code: 'hardDuplicate', params: { row: rowOf(items, clash), number, existingId: hard.get(keys[clash] ?? '') ?? '' } });
        }
        const user = this.ctx.user;
        const ids = items.map(() => this.ctx.newId());
        const batch: ImportBatch = { ...newMeta(this.ctx), fileName: input.fileName, sha256: input.sha256, invoiceIds: ids, undone: false };
        const at = batch.createdAt;
        const tail = await openListTail(this.db);
        const journal = await openJournal(this.db);
        const opening = journalEntries(journal, [{
          entity: 'importBatch', action: 'import', before: undefined, after: batch,
          audit: { before: null, after: { fileName: input.fileName, sha256: input.sha256, count: items.length } },
        }], this.ctx, at);
        // Each chunk's writes are issued, then the next chunk is built while IndexedDB stores them (at most two
        // chunks in flight): the page's JavaScript and the browser's storage work overlap on separate cores.
        let inFlight = settled([this.db.imports.add(batch), this.db.audit.bulkAdd(opening.entries), this.db.outbox.bulkAdd(opening.mutations)]);
        let written = 0;
        onProgress(0, items.length);
        for (let start = 0; start < items.length; start += CHUNK_SIZE) {
          const invoices = items.slice(start, start + CHUNK_SIZE).map((it, k): Invoice => {
            const status = it.status ?? 'entered';
            return {
              ...it.content, id: ids[start + k] as InvoiceId, status, statusHistory: [{ from: null, to: status, at, by: user, reason: '' }],
              tags: [], attachments: [], source: 'import', fieldSources: importedFields(it.content), warnings: it.warnings,
              createdBy: user, createdAt: at, updatedBy: user, updatedAt: at, version: 0, deleted: false, deletedAt: null,
            };
          });
          const listed = appendToTail(this.db, tail, invoices);
          const { entries, mutations } = journalEntries(journal, invoices.map((after): JournalItem => ({ entity: 'invoice', action: 'create', before: undefined, after })), this.ctx, at);
          const next = settled([
            ...listed.writes,
            this.db.invoices.bulkAdd(invoices.map((inv, k) => toRow(inv, listed.chunks[k] ?? tail.chunk))),
            this.db.audit.bulkAdd(entries),
            this.db.outbox.bulkAdd(mutations),
          ]);
          await inFlight;
          if (written > 0) onProgress(written, items.length);
          inFlight = next;
          written = Math.min(items.length, start + CHUNK_SIZE);
        }
        await inFlight;
        await saveListTail(this.db, tail);
        await closeJournal(this.db, journal);
        onProgress(items.length, items.length);
        return ok(batch);
      });
    } catch (e) {
      return err({ code: 'writeFailed', params: { message: message(e) } });
    }
  }

  /**
   * Moves an import's invoices to the recycle bin together (audited, synced) and marks the import undone. A clerk
   * may undo only while every invoice is theirs and unchecked (the recycle bin's owner rule); otherwise nothing moves.
   */
  async undo(batchId: string): Promise<Result<ImportBatch, ImportError | PermissionRefusal>> {
    const about = { entity: 'importBatch', entityId: batchId };
    const refused = await refusal(this.db, this.ctx, 'import.run', about);
    if (refused) return err(refused);
    try {
      return await this.db.transaction('rw', this.tables(), async (): Promise<Result<ImportBatch, ImportError>> => {
        const batch = await this.db.imports.get(batchId);
        if (!batch || batch.deleted) return err({ code: 'notFound', params: { id: batchId } });
        if (batch.undone) return err({ code: 'alreadyUndone', params: { id: batchId, fileName: batch.fileName } });
        const user = this.ctx.user;
        const at = this.ctx.now();
        for (let start = 0; start < batch.invoiceIds.length; start += CHUNK_SIZE) {
          const rows = await this.db.invoices.bulkGet(batch.invoiceIds.slice(start, start + CHUNK_SIZE) as InvoiceId[]);
          const live = rows.filter((r): r is NonNullable<typeof r> => r !== undefined && !r.deleted);
          for (const r of live) {
            const p = authorize(this.ctx.actor(), 'invoice.delete', { createdBy: r.createdBy, status: r.status });
            // Thrown to roll back the chunks already moved; audited below, outside the aborted transaction.
            if (!p.ok) throw new PermissionRefusedError(p.refusal);
          }
          const changes = live.map((row) => {
            const before = fromRow(row);
            return { row, before, after: { ...before, deleted: true, deletedAt: at, updatedAt: at, updatedBy: user } satisfies Invoice };
          });
          const chunks = await putListEntries(this.db, changes.map((c) => ({ invoice: c.after, chunk: c.row._chunk })));
          await this.db.invoices.bulkPut(changes.map((c, k) => toRow(c.after, chunks[k] ?? c.row._chunk)));
          await journalChanges(this.db, changes.map((c): JournalItem => ({ entity: 'invoice', action: 'delete', before: c.before, after: c.after })), this.ctx, at);
        }
        const undone = edited(this.ctx, batch, { undone: true });
        await this.db.imports.put(undone);
        await journalChanges(this.db, [{ entity: 'importBatch', action: 'update', before: batch, after: undone }], this.ctx, at);
        return ok(undone);
      });
    } catch (e) {
      if (e instanceof PermissionRefusedError) {
        await auditRefusal(this.db, this.ctx, e.refusal, about);
        return err(e.refusal);
      }
      return err({ code: 'writeFailed', params: { message: message(e) } });
    }
  }

  /** Every hard key in the ledger (deleted invoices too: re-importing one is refused) and the live invoices' soft keys. */
  async existingKeys(): Promise<ExistingKeys> {
    return ledgerKeys(this.db);
  }

  /** Imports, newest first. */
  async all(): Promise<ImportBatch[]> {
    return (await this.db.imports.orderBy('createdAt').reverse().toArray()).filter((b) => !b.deleted);
  }
}
