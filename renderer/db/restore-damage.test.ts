import { describe, expect, it } from 'vitest';
import type { InvoiceContent } from '../../shared/domain/invoice';
import { fen } from '../../shared/domain/money';
import { InvoiceRepository } from './invoice-repository';
import { nameDamage } from './restore-damage';
import { makeTestDb } from './test-db';

const base: InvoiceContent = {
  kind: 'e_normal', code: '033002000211', number: '83089647', issueDate: '2020-07-23',
  buyer: { name: '江苏京利华新材料有限公司', taxId: '91320115MA202UKD7X' },
  seller: { name: '兰溪市悦济舫餐厅', taxId: '92330781MA2EDMFU50' },
  lines: [], amount: fen(51068), tax: fen(1532), total: fen(52600), taxRate: '0.03',
  checkCode: '16197833567414507415', remarks: '', isRed: false,
};

describe('nameDamage', () => {
  it('turns key ranges and attachment hashes into invoice numbers and file names', async () => {
    const { db, ctx } = makeTestDb();
    const repo = new InvoiceRepository(db, ctx);
    const sha = 'ab'.repeat(32);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const attachments = i === 3 ? [{ sha256: sha, name: '扫描件.pdf', type: 'application/pdf', blob: new Blob(['x']) }] : [];
      const r = await repo.create({ ...base, number: String(83089640 + i) }, { warnings: [], attachments });
      if (r.ok) ids.push(r.invoice.id);
    }
    const names = await nameDamage(db, [{ table: 'invoices', firstKey: ids[1]!, beforeKey: ids[2]! }, { table: 'audit', firstKey: '1' }], [sha, 'cd'.repeat(32)]);
    expect(names).toEqual({ invoices: ['033002000211-83089641', '033002000211-83089643'], attachments: ['扫描件.pdf', 'cdcdcdcdcdcd'], more: 0 });
    const open = await nameDamage(db, [{ table: 'invoices', firstKey: ids[3]! }], []);
    expect(open.invoices).toEqual(['033002000211-83089643']);
  });
});
