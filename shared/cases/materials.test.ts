import { describe, expect, it } from 'vitest';
import { INVOICE_KINDS } from '../domain/invoice';
import { LOCALES } from '../i18n/translate';
import { checklistProgress, lostPartOf, materialsFor, materialsGroup, situationOf, withLostPart } from './materials';

const ids = (...args: Parameters<typeof materialsFor>) => materialsFor(...args).map((i) => i.id);

describe('materialsFor', () => {
  it.each([...INVOICE_KINDS, null])('gives %s a checklist with both languages, a rule under each item and unique ids', (kind) => {
    const items = materialsFor(kind);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const i of items) {
      for (const locale of LOCALES) {
        expect(i.label[locale].trim(), `${i.id} label ${locale}`).not.toBe('');
        expect(i.rule[locale].trim(), `${i.id} rule ${locale}`).not.toBe('');
      }
    }
    expect(items[0]?.id).toBe('contactSeller');
  });

  it('asks for the seller\'s stamped 记账联 copy when a paper 专票 is lost whole (公告2016年第69号 第五条)', () => {
    const items = materialsFor('vat_special');
    const copy = items.find((i) => i.id === 'special.ledgerCopy');
    expect(copy?.label['zh-CN']).toContain('记账联');
    expect(copy?.label['zh-CN']).toContain('发票专用章');
    expect(copy?.rule['zh-CN']).toContain('国家税务总局公告2016年第69号 第五条');
    expect(ids('vat_special')).not.toContain('paper.certificate');
  });

  it('follows which part of a 专票 or 机动车销售统一发票 is lost', () => {
    expect(ids('vat_special', { lostPart: 'deduction' })).toContain('special.invoiceCopy');
    expect(ids('vat_special', { lostPart: 'deduction' })).not.toContain('special.ledgerCopy');
    expect(ids('vehicle', { lostPart: 'invoice' })).toContain('special.deductionCopy');
    expect(materialsFor('vehicle', { lostPart: 'invoice' }).find((i) => i.id === 'special.deductionCopy')?.rule['zh-CN']).toContain('记账凭证');
  });

  it.each(['vat_normal', 'roll', 'other'] as const)('gives paper %s the sealed certificate path of 会计基础工作规范 第五十五条', (kind) => {
    const items = materialsFor(kind);
    expect(items.map((i) => i.id)).toEqual(['contactSeller', 'paper.certificate', 'paper.approval', 'paper.statement']);
    expect(items[1]?.label['zh-CN']).toContain('公章');
    for (const i of items.slice(1)) expect(i.rule['zh-CN']).toContain('《会计基础工作规范》第五十五条');
    expect(items.find((i) => i.id === 'paper.statement')?.optional).toBe(true);
  });

  it.each(['e_normal', 'e_special', 'digital_special', 'digital_normal', 'toll'] as const)('has %s downloaded again, never certified', (kind) => {
    const list = ids(kind);
    expect(list).toEqual(['contactSeller', 'e.redownload', 'e.duplicateCheck', 'e.keepFile', 'approval']);
    const all = JSON.stringify(materialsFor(kind));
    expect(all).not.toContain('第69号 第五条：');
    expect(all).not.toContain('第五十五条：');
  });

  it('treats the 数电 edition of a vehicle invoice as electronic', () => {
    expect(materialsGroup('vehicle', { electronic: true })).toBe('electronic');
    expect(materialsGroup('vehicle')).toBe('paperSpecial');
    expect(materialsGroup(null)).toBe('unknown');
    expect(ids(null)).toContain('kind.lookup');
  });
});

describe('lost parts and progress', () => {
  it('keeps the lost part in the checklist beside the ticks and defaults to the whole invoice', () => {
    expect(lostPartOf({})).toBe('both');
    const list = withLostPart({ contactSeller: true, 'lostPart:both': true }, 'deduction');
    expect(list).toEqual({ contactSeller: true, 'lostPart:deduction': true });
    expect(lostPartOf(list)).toBe('deduction');
  });

  it('reads a 20-digit number as the electronic edition', () => {
    expect(situationOf({ number: '24112000000012345678' }, {})).toEqual({ electronic: true, lostPart: 'both' });
    expect(situationOf({ number: '01234567' }, { 'lostPart:invoice': true })).toEqual({ electronic: false, lostPart: 'invoice' });
  });

  it('counts required items only', () => {
    const items = materialsFor('vat_normal');
    expect(checklistProgress(items, { contactSeller: true, 'paper.statement': true, unrelated: true })).toEqual({ done: 1, total: 3 });
  });
});
