import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import { fen } from '../../shared/domain/money';
import { CaseRepository } from './case-repository';
import { LedgerDb } from './db';
import { sha256Hex } from './export-ledger';
import { LedgerImportRepository } from './ledger-import-repository';
import { ReconcileRepository } from './reconcile-repository';
import { BlobFolder } from './restore-folder';
import { ledgerBackupApi } from './restore-api';
import { activeLedgerName, type PointerStorage } from './restore-pointer';
import { sampleContent } from './sync-fixtures';
import { makeTestDb } from './test-db';

const TABLES = ['cases', 'contacts', 'matches', 'mappings', 'runs', 'findings', 'imports'] as const;

function memoryStorage(): PointerStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => { map.set(k, v); }, removeItem: (k) => { map.delete(k); } };
}

/** A ledger holding one of every record of issue #11, with a case's evidence file. */
async function seeded() {
  const factory = new IDBFactory();
  const { ctx } = makeTestDb();
  const open = (name: string) => new LedgerDb(name, { indexedDB: factory, IDBKeyRange });
  const db = open('fapiao-desk');
  const imported = await new LedgerImportRepository(db, ctx).commit({
    fileName: '台账.xlsx', sha256: 'c'.repeat(64), items: [0, 1, 2].map((i) => ({ content: sampleContent(i), warnings: [] })),
  });
  if (!imported.ok) throw new Error('setup');
  const cases = new CaseRepository(db, ctx);
  const c = await cases.open({ title: '缺失专票', origin: 'report', ref: { kind: null, code: '', number: '01234567', issueDate: '', seller: { name: '某公司', taxId: '' }, total: fen(100) }, invoiceId: null, findingKey: 'c::01234567' });
  await cases.addContact(c.id, { date: '2026-03-01', channel: 'email', person: '张', summary: '已发邮件', nextStep: '', followUp: '2026-03-08' });
  const bytes = new TextEncoder().encode('供应商的情况说明');
  const evidence = { sha256: await sha256Hex(bytes), name: '说明.txt', type: 'text/plain', blob: new Blob([bytes]) };
  await cases.addEvidence(c.id, evidence);
  const store = new ReconcileRepository(db, ctx);
  await store.saveMapping({ name: '工行', kind: 'bank', columns: { date: '交易日期' }, sheet: '' });
  await store.decideMatch({ paymentKey: 'payment:2026-03-02:100:某公司:#0', invoiceIds: imported.value.invoiceIds.slice(0, 1), decision: 'confirmed', score: 0.9, date: '2026-03-02', amount: 100, counterparty: '某公司' });
  const summary = { listRows: 1, ledgerRows: 3, missingInLedger: 1, missingOnList: 0, mismatched: 0, voidedButActive: 0, paymentsWithoutInvoice: 0, invoicesWithoutPayment: 0, sequenceGaps: 0 };
  await store.saveRun({ period: { from: '2026-03-01', to: '2026-03-31' }, direction: 'in', sources: [], summary, findingKeys: ['c::01234567'] });
  await store.setFindingNote('c::01234567', 'missingInLedger', { caseId: c.id });
  const storage = memoryStorage();
  const api = ledgerBackupApi(db, { ctx, now: ctx.now, appVersion: '0.1.0', openDb: open, storage });
  return { db, api, open, storage, evidence, caseTitle: c.title };
}

async function exported(api: ReturnType<typeof ledgerBackupApi>): Promise<BlobFolder> {
  const folder = new BlobFolder();
  expect((await api.exportTo(folder)).ok).toBe(true);
  return folder;
}

describe('export and restore of cases and reconciliation records', () => {
  it('carries every table of issue #11 and the case evidence through an export and a restore', async () => {
    const { db, api, open, storage, evidence } = await seeded();
    const folder = await exported(api);
    expect(await folder.list('attachments')).toEqual([evidence.sha256]);
    const r = await api.restoreFrom(folder);
    expect(r).toMatchObject({ ok: true, value: { invoices: 3, cases: 1, contacts: 1, matches: 1, mappings: 1, runs: 1, findings: 1, imports: 1 } });
    const restored = open(activeLedgerName(storage));
    for (const table of TABLES) expect(await restored.table(table).toArray(), table).toEqual(await db.table(table).toArray());
    expect(verifyChain(await restored.audit.orderBy('seq').toArray()).ok).toBe(true);
    const blob = (await restored.attachments.get(evidence.sha256))?.blob;
    expect(new TextDecoder().decode(new Uint8Array(await blob!.arrayBuffer()))).toBe('供应商的情况说明');
    expect(await restored.contacts.where('followUp').equals('2026-03-08').count()).toBe(1);
  });

  it('restores an export from before these tables existed as having none of them', async () => {
    const { api } = await seeded();
    const folder = await exported(api);
    const m = JSON.parse(new TextDecoder().decode((await folder.read('manifest.json'))!)) as { tables: Record<string, unknown> };
    for (const table of TABLES) await folder.remove(`${table}.ndjson`);
    const tables = Object.fromEntries(Object.entries(m.tables).filter(([t]) => !(TABLES as readonly string[]).includes(t)));
    await folder.writeAtomic('manifest.json', new TextEncoder().encode(JSON.stringify({ ...m, tables })));
    expect(await api.restoreFrom(folder)).toMatchObject({ ok: true, value: { invoices: 3, cases: 0, contacts: 0, imports: 0 } });
  });

  it('names the case that holds a damaged evidence file', async () => {
    const { api, caseTitle } = await seeded();
    const folder = await exported(api);
    const [sha] = await folder.list('attachments');
    await folder.writeAtomic(`attachments/${sha!}`, new TextEncoder().encode('rot'));
    expect(await api.restoreFrom(folder)).toMatchObject({ ok: false, error: { kind: 'attachment-damaged', invoices: [caseTitle] } });
  });

  it('refuses a case row of the wrong shape, naming its table and line', async () => {
    const { api } = await seeded();
    const folder = await exported(api);
    const text = new TextDecoder().decode((await folder.read('cases.ndjson'))!).replace('"state":"found"', '"state":"lost"');
    const bytes = new TextEncoder().encode(text);
    await folder.writeAtomic('cases.ndjson', bytes);
    const m = JSON.parse(new TextDecoder().decode((await folder.read('manifest.json'))!)) as { tables: Record<string, { sha256: string }> };
    m.tables.cases = { ...m.tables.cases!, sha256: await sha256Hex(bytes) };
    await folder.writeAtomic('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    expect(await api.restoreFrom(folder)).toEqual({ ok: false, error: { kind: 'bad-row', table: 'cases', line: 1 } });
  });
});
