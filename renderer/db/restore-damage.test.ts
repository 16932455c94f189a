import { describe, expect, it } from 'vitest';
import type { InvoiceContent } from '../../shared/domain/invoice';
import { InvoiceRepository } from './invoice-repository';
import { nameDamage } from './restore-damage';
import { makeTestDb } from './test-db';
import { sampleContent } from './sync-fixtures';

const base: InvoiceContent = sampleContent();

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
