import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { CaseInvoiceRef } from '../../shared/cases/types';
import type { Invoice } from '../../shared/domain/invoice';
import { fen } from '../../shared/domain/money';
import { CaseRepository, type ContactInput } from './case-repository';
import { sha256Hex } from './export-ledger';
import { InvoiceRepository } from './invoice-repository';
import { sampleContent } from './sync-fixtures';
import { makeTestDb } from './test-db';

function setup() {
  const { db, ctx } = makeTestDb();
  return { db, ctx, cases: new CaseRepository(db, ctx), invoices: new InvoiceRepository(db, ctx) };
}

const ref: CaseInvoiceRef = { kind: 'vat_special', code: '3200231130', number: '01234567', issueDate: '2026-02-10', seller: { name: '南京某某科技有限公司', taxId: '91320100MA1XXXXX0X' }, total: fen(113000) };
const call = (over: Partial<ContactInput> = {}): ContactInput => ({ date: '2026-03-01', channel: 'phone', person: '王会计', summary: '答应补开', nextStep: '等邮件', followUp: '2026-03-05', ...over });

async function lostInvoice(invoices: InvoiceRepository): Promise<Invoice> {
  const r = await invoices.create(sampleContent(), { warnings: [] });
  if (!r.ok) throw new Error('setup');
  const lost = await invoices.changeStatus(r.invoice.id, 'lost', '');
  if (!lost.ok) throw new Error('setup');
  return lost.invoice;
}

describe('CaseRepository', () => {
  it('opens a case with its audit entry and outbox mutation in one go', async () => {
    const { db, cases } = setup();
    const c = await cases.open({ title: ' 缺一张专票 ', origin: 'report', ref, invoiceId: null, findingKey: 'c:3200231130:01234567' });
    expect(c).toMatchObject({ title: '缺一张专票', state: 'found', origin: 'report', findingKey: 'c:3200231130:01234567', version: 0, deleted: false, createdBy: 'tester' });
    expect(await db.cases.get(c.id)).toEqual(c);
    expect(await db.audit.toArray()).toEqual([expect.objectContaining({ action: 'create', entity: 'case', entityId: c.id, before: null })]);
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ mutationId: 1, entity: 'case', entityId: c.id, op: 'upsert', baseVersion: 0 })]);
  });

  it('moves a lost ledger invoice to 补办中 when its case opens, and to 已补办 when the copy is received', async () => {
    const { db, cases, invoices } = setup();
    const inv = await lostInvoice(invoices);
    const c = await cases.open({ title: '遗失', origin: 'invoice', ref, invoiceId: inv.id, findingKey: null });
    expect((await invoices.get(inv.id))?.status).toBe('replacing');
    const r = await cases.changeState(c.id, 'received', '');
    expect(r).toMatchObject({ ok: true, value: { state: 'received' }, invoice: { kind: 'moved', invoiceId: inv.id, from: 'replacing', to: 'replaced' } });
    expect((await invoices.get(inv.id))?.statusHistory.map((h) => h.to)).toEqual(['entered', 'lost', 'replacing', 'replaced']);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((m) => [m.entity, m.entityId === inv.id])).toEqual([
      ['invoice', true], ['invoice', true], ['case', false], ['invoice', true], ['case', false], ['invoice', true],
    ]);
    expect(verifyChain(await db.audit.orderBy('seq').toArray()).ok).toBe(true);
  });

  it('leaves an invoice whose status does not allow the move alone, and says so', async () => {
    const { cases, invoices } = setup();
    const created = await invoices.create(sampleContent(), { warnings: [] });
    if (!created.ok) throw new Error('setup');
    const c = await cases.open({ title: 'x', origin: 'invoice', ref, invoiceId: created.invoice.id, findingKey: null });
    const r = await cases.changeState(c.id, 'contacted', '');
    expect(r).toMatchObject({ ok: true, invoice: { kind: 'refused', error: { code: 'status.illegal', params: { from: 'entered', to: 'replacing' } } } });
    expect((await invoices.get(created.invoice.id))?.status).toBe('entered');
  });

  it('refuses moves the case machine refuses, writing nothing', async () => {
    const { db, cases } = setup();
    const c = await cases.open({ title: 'x', origin: 'manual', ref, invoiceId: null, findingKey: null });
    const count = await db.outbox.count();
    expect(await cases.changeState(c.id, 'closed', '')).toEqual({ ok: false, error: { code: 'case.reasonRequired', params: { from: 'found', to: 'closed' } } });
    expect(await cases.changeState('nope', 'contacted', '')).toEqual({ ok: false, error: { code: 'case.notFound', params: { id: 'nope' } } });
    expect(await db.outbox.count()).toBe(count);
    expect((await cases.changeState(c.id, 'closed', '供应商注销'))).toMatchObject({ ok: true, value: { state: 'closed', closeReason: '供应商注销' } });
  });

  it('logs contacts newest first; a new entry settles the earlier open follow-ups; the overdue list follows', async () => {
    const { cases, ctx } = setup();
    const c = await cases.open({ title: 'x', origin: 'manual', ref, invoiceId: null, findingKey: null });
    const first = await cases.addContact(c.id, call());
    expect(first).toMatchObject({ caseId: c.id, followUpDone: false, followUp: '2026-03-05' });
    expect(await cases.overdue('2026-03-04')).toEqual([]);
    expect((await cases.overdue('2026-03-05')).map((e) => e.id)).toEqual([first.id]);
    ctx.tick();
    const second = await cases.addContact(c.id, call({ date: '2026-03-06', channel: 'email', followUp: '2026-03-10' }));
    expect((await cases.contactsOf(c.id)).map((e) => [e.id, e.followUpDone])).toEqual([[second.id, false], [first.id, true]]);
    expect((await cases.overdue('2026-03-31')).map((e) => e.id)).toEqual([second.id]);
    await cases.settleFollowUp(second.id);
    expect(await cases.overdue('2026-03-31')).toEqual([]);
  });

  it('does not count follow-ups of closed or archived cases as overdue', async () => {
    const { cases } = setup();
    const c = await cases.open({ title: 'x', origin: 'manual', ref, invoiceId: null, findingKey: null });
    await cases.addContact(c.id, call());
    await cases.changeState(c.id, 'closed', '不再需要');
    expect(await cases.overdue('2026-12-31')).toEqual([]);
    await cases.changeState(c.id, 'found', '又需要了');
    expect(await cases.overdue('2026-12-31')).toHaveLength(1);
  });

  it('keeps evidence exactly like invoice originals: one attachment row per SHA-256, however often it is added', async () => {
    const { db, cases, invoices } = setup();
    const bytes = new TextEncoder().encode('%PDF 情况说明');
    const file = { sha256: await sha256Hex(bytes), name: '情况说明.pdf', type: 'application/pdf', blob: new Blob([bytes]) };
    await invoices.create(sampleContent(), { warnings: [], attachments: [file] });
    const c = await cases.open({ title: 'x', origin: 'manual', ref, invoiceId: null, findingKey: null });
    const r = await cases.addEvidence(c.id, file);
    expect(r.ok && r.value.attachments).toEqual([file.sha256]);
    await cases.addEvidence(c.id, file);
    expect(await db.attachments.count()).toBe(1);
    expect((await cases.get(c.id))?.attachments).toEqual([file.sha256]);
    expect((await db.outbox.toArray()).at(-1)?.changes).toEqual({ attachments: [file.sha256] });
  });

  it('links a captured replacement: the case is received, found by its invoice, and its lost invoice is 已补办', async () => {
    const { cases, invoices } = setup();
    const inv = await lostInvoice(invoices);
    const c = await cases.open({ title: 'x', origin: 'invoice', ref: { ...ref, code: inv.code, number: inv.number }, invoiceId: inv.id, findingKey: null });
    expect((await cases.findOpenFor({ code: inv.code, number: inv.number }))?.id).toBe(c.id);
    expect(await cases.findOpenFor({ code: inv.code, number: '99999999' })).toBeUndefined();
    const copy = await invoices.create({ ...sampleContent(1), remarks: '复印件' }, { warnings: [] });
    if (!copy.ok) throw new Error('setup');
    expect(await cases.linkReplacement(c.id, 'missing-invoice')).toEqual({ ok: false, error: { code: 'case.invoiceNotFound', params: { id: 'missing-invoice' } } });
    const r = await cases.linkReplacement(c.id, copy.invoice.id);
    expect(r).toMatchObject({ ok: true, value: { state: 'received', replacementId: copy.invoice.id }, invoice: { kind: 'moved', to: 'replaced' } });
    expect((await invoices.get(inv.id))?.status).toBe('replaced');
    expect((await cases.forInvoice(copy.invoice.id)).map((x) => x.id)).toEqual([c.id]);
    expect((await cases.forInvoice(inv.id)).map((x) => x.id)).toEqual([c.id]);
    expect((await cases.changeState(c.id, 'archived', ''))).toMatchObject({ ok: true, invoice: { kind: 'none' } });
    expect(await cases.findOpenFor({ code: inv.code, number: inv.number })).toBeUndefined();
  });

  it('updates title, notes and checklist only, as one audited change', async () => {
    const { db, cases } = setup();
    const c = await cases.open({ title: 'x', origin: 'manual', ref, invoiceId: null, findingKey: null });
    const r = await cases.update(c.id, { title: ' 新标题 ', checklist: { copy: true } });
    expect(r).toMatchObject({ ok: true, value: { title: '新标题', checklist: { copy: true }, notes: '' } });
    expect((await db.audit.orderBy('seq').last())).toMatchObject({ action: 'update', entity: 'case', before: { title: 'x', checklist: {} }, after: { title: '新标题', checklist: { copy: true } } });
  });
});
