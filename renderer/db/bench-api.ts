/*
 * Bench-only entry points into the ledger database (used by renderer/bench, never by the app).
 * Seeding writes rows directly, in large transactions, the way an import would.
 */
import type { Invoice, InvoiceDraft, InvoiceId } from '../../shared/domain/invoice';
import { CHUNK_SIZE, entryOf } from '../../shared/search/list-chunk';
import { appendListEntries, rewriteLegacyChunks } from './list-index';
import { validateDraft } from '../../shared/domain/validate';
import type { InvoiceFilter } from '../../shared/search/invoice-filter';
import { demoInvoiceContent, demoParty, demoSellers } from '../../shared/demo/demo-invoices';
import { seededRng } from '../../shared/demo/random';
import { uuidv7 } from '../../shared/domain/ids';
import { LedgerDb } from './db';
import type { WriteContext } from './write-context';
import { InvoiceRepository } from './invoice-repository';
import { queryInvoiceIds } from './invoice-query';
import { readHomeInvoices } from './home-repository';
import { lastTwelveMonths } from '../../shared/home/invoice-summary';
import { toRow } from './rows';
import { draftFromContent } from '../../shared/domain/draft';
import { previewLedgerImport } from '../../shared/reconcile/ledger-import';
import { LedgerImportRepository } from './ledger-import-repository';
import { UserRepository } from './user-repository';

/** The user the ledger bench signs in as (the app shows nothing before a sign-in, issue #13). */
export const BENCH_USER = { login: 'bench', password: 'bench-password-2026' } as const;

const STATUSES = ['entered', 'verified', 'booked', 'reimbursed'] as const;

/** Opens the app's database with bench helpers. */
export function openBenchLedger() {
  const db = new LedgerDb();
  let n = 0;
  const ctx: WriteContext = {
    user: 'bench',
    actor: () => ({ login: 'bench', role: 'admin' }),
    device: 'bench · 00000000',
    now: () => new Date().toISOString(),
    newId: () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10))) as InvoiceId,
  };
  const repo = new InvoiceRepository(db, ctx);
  const users = new UserRepository(db, ctx, { random: (k) => crypto.getRandomValues(new Uint8Array(k)) });
  return {
    /** Replaces the ledger with `count` demo invoices; returns the seller names used (for search queries). */
    async seed(count: number, seed: number): Promise<{ sellers: string[] }> {
      await Promise.all([db.invoices.clear(), db.listChunks.clear(), db.listRevs.clear()]);
      const rng = seededRng(seed);
      const sellers = demoSellers(rng, 400);
      const buyer = demoParty(rng);
      const at = new Date().toISOString();
      for (let start = 0; start < count; start += CHUNK_SIZE) {
        const invoices: Invoice[] = [];
        for (let i = start; i < Math.min(count, start + CHUNK_SIZE); i++) {
          const content = demoInvoiceContent(rng, i + 1, sellers, buyer, '2026-11-27');
          const status = rng.pick(STATUSES);
          invoices.push({
            ...content, id: uuidv7(Date.UTC(2025, 0, 1) + i, crypto.getRandomValues(new Uint8Array(10))) as InvoiceId,
            status, statusHistory: [{ from: null, to: status, at, by: 'bench', reason: '' }], tags: [],
            attachments: i % 4 === 0 ? [(i % 9).toString().repeat(64)] : [], source: 'import', fieldSources: {}, warnings: [],
            createdBy: 'bench', createdAt: at, updatedBy: 'bench', updatedAt: at, version: 0, deleted: false, deletedAt: null,
          });
        }
        const chunk = start / CHUNK_SIZE;
        await db.transaction('rw', [db.invoices, db.listChunks, db.listRevs], async () => {
          await db.invoices.bulkAdd(invoices.map((inv) => toRow(inv, chunk)));
          await appendListEntries(db, invoices.map(entryOf), chunk);
        });
      }
      if (await users.isEmpty()) await users.createFirstAdmin({ login: BENCH_USER.login, displayName: 'Bench', password: BENCH_USER.password });
      return { sellers: sellers.map((s) => s.name) };
    },
    count: () => db.invoices.count(),
    query: (filter: InvoiceFilter) => queryInvoiceIds(db, filter).then((ids) => ids.length),
    /** The home page's invoice tiles and 12-month chart as its live query computes them; returns the live count. */
    home: () => readHomeInvoices(db, {
      todayStart: Date.parse('2026-11-27T00:00:00+08:00'), weekStart: Date.parse('2026-11-23T00:00:00+08:00'), months: lastTwelveMonths('2026-11-27'),
    }).then((s) => s.live),
    /**
     * Makes every list chunk look as written before the home page (no capture times, issue #14) and times the
     * one-time rewrite the first start after that update does (upgradeListIndex). Leaves the index upgraded.
     */
    async legacyUpgrade(): Promise<{ chunks: number; ms: number }> {
      await db.transaction('rw', db.listChunks, async () => {
        for (const packed of await db.listChunks.toArray()) {
          const legacy = Object.fromEntries(Object.entries(packed).filter(([key]) => key !== 'created'));
          await db.listChunks.put(legacy as unknown as typeof packed);
        }
      });
      const s = performance.now();
      const chunks = await rewriteLegacyChunks(db);
      return { chunks, ms: performance.now() - s };
    },
    /** Validates and saves a typed 10-field invoice, as the form does. */
    async save(draft: InvoiceDraft): Promise<boolean> {
      const { content, issues } = validateDraft({ ...draft, number: String(90_000_000 + n++).padStart(8, '0') }, { today: '2026-11-27' });
      if (!content) throw new Error(`bench draft invalid: ${JSON.stringify(issues)}`);
      const r = await repo.create(content, { warnings: issues });
      return r.ok;
    },
    /**
     * The Excel ledger import after the file is read: `rows` ledger rows (as typed text, like a spreadsheet's cells)
     * are validated and checked for duplicates against the ledger's keys (the preview), then committed in one
     * import with progress. Times each step; the ledger keeps what was there (seed it first).
     */
    async importRows(rows: number, seed: number): Promise<ImportBenchResult> {
      await Promise.all([db.audit.clear(), db.outbox.clear(), db.meta.clear(), db.imports.clear()]);
      const rng = seededRng(seed);
      const sellers = demoSellers(rng, 400);
      const buyer = demoParty(rng);
      const sheet = Array.from({ length: rows }, (_, i) => ({
        row: i + 2, draft: draftFromContent(demoInvoiceContent(rng, 500_000 + i, sellers, buyer, '2026-11-27')), status: null,
      }));
      const imports = new LedgerImportRepository(db, ctx);
      const t0 = performance.now();
      const keys = await imports.existingKeys();
      const t1 = performance.now();
      const preview = previewLedgerImport(sheet, keys, { today: '2026-11-27' });
      const t2 = performance.now();
      let progressCalls = 0;
      const r = await imports.commit({ fileName: 'bench.xlsx', sha256: 'a'.repeat(64), items: preview.items }, () => { progressCalls++; });
      const t3 = performance.now();
      if (!r.ok) throw new Error(`bench import refused: ${JSON.stringify(r.error)}`);
      return { keysMs: t1 - t0, previewMs: t2 - t1, commitMs: t3 - t2, imported: r.value.invoiceIds.length, refused: preview.counts.errors, progressCalls };
    },
    close: () => { db.close(); },
  };
}

/** What one bench import measured. */
export interface ImportBenchResult {
  readonly keysMs: number;
  readonly previewMs: number;
  readonly commitMs: number;
  readonly imported: number;
  readonly refused: number;
  readonly progressCalls: number;
}
