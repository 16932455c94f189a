import { describe, expect, it } from 'vitest';
import { duplicateIssues, hardKey, softKey, type DuplicateCandidate } from './duplicates';
import { fen } from './money';

const digital = { code: '', number: '24112000000048542163', issueDate: '2024-05-28', total: fen(444900), seller: { taxId: '91110108690017781B' } };
const paper = { code: '033002000211', number: '83089647', issueDate: '2020-07-23', total: fen(52600), seller: { taxId: '92330781MA2EDMFU50' } };

describe('duplicate keys', () => {
  it('keys 数电 invoices by the 20-digit number alone', () => {
    expect(hardKey(digital)).toBe('n:24112000000048542163');
    // A paper 数电 copy that also carries a code is still the same invoice.
    expect(hardKey({ ...digital, code: '011002100111' })).toBe('n:24112000000048542163');
  });

  it('keys older invoices by code and number, keeping leading zeros', () => {
    expect(hardKey(paper)).toBe('c:033002000211:83089647');
    expect(hardKey({ code: '052002100113', number: '00008006' })).toBe('c:052002100113:00008006');
    expect(hardKey({ code: '052002100114', number: '00008006' })).not.toBe(hardKey({ code: '052002100113', number: '00008006' }));
  });

  it('builds the soft key from seller tax ID, date and total in fen', () => {
    expect(softKey(digital)).toBe('s:91110108690017781B:2024-05-28:444900');
    expect(softKey({ ...digital, total: fen(-444900) })).toBe('s:91110108690017781B:2024-05-28:-444900');
  });
});

describe('duplicateIssues', () => {
  const existing: DuplicateCandidate[] = [
    { ...paper, id: 'a' },
    { ...digital, number: '24112000000048542999', id: 'b' },
  ];

  it('refuses a hard duplicate and warns on a soft one', () => {
    expect(duplicateIssues(paper, existing)).toEqual([{ field: 'number', severity: 'error', code: 'duplicate.hard', params: { id: 'a' } }]);
    expect(duplicateIssues(digital, existing)).toEqual([{ field: 'total', severity: 'warning', code: 'duplicate.soft', params: { id: 'b' } }]);
  });

  it('ignores the record itself and unrelated records', () => {
    expect(duplicateIssues(paper, existing, 'a')).toEqual([]);
    expect(duplicateIssues({ ...paper, number: '83089648', total: fen(1) }, existing)).toEqual([]);
  });
});
