import { describe, expect, it } from 'vitest';
import { dayNumber, directionFilter, inPeriod, listPeriod } from './scope';
import { COMPANY, platformRow, SUPPLIER } from './test-builders';

describe('listPeriod', () => {
  it('covers whole months from the earliest to the latest invoice', () => {
    const rows = [platformRow('1', { issueDate: '2024-05-03' }), platformRow('2', { issueDate: '2024-02-20' }), platformRow('3', { issueDate: '2024-05-28' })];
    expect(listPeriod(rows)).toEqual({ from: '2024-02-01', to: '2024-05-31' });
  });

  it('ends February on the 29th in a leap year', () => {
    expect(listPeriod([platformRow('1', { issueDate: '2024-02-10' })])).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('is null when no row has a date', () => {
    expect(listPeriod([platformRow('1', { issueDate: '' })])).toBeNull();
    expect(listPeriod([])).toBeNull();
  });
});

describe('inPeriod', () => {
  it('includes both ends', () => {
    const p = { from: '2024-05-01', to: '2024-05-31' };
    expect(inPeriod('2024-05-01', p)).toBe(true);
    expect(inPeriod('2024-05-31', p)).toBe(true);
    expect(inPeriod('2024-04-30', p)).toBe(false);
    expect(inPeriod('2024-06-01', p)).toBe(false);
    expect(inPeriod('', p)).toBe(false);
  });
});

describe('directionFilter', () => {
  const incoming = { seller: SUPPLIER, buyer: COMPANY };
  const outgoing = { seller: COMPANY, buyer: SUPPLIER };

  it('takes the company as buyer for incoming invoices, as seller for outgoing ones', () => {
    expect(directionFilter(COMPANY.taxId, 'in')(incoming)).toBe(true);
    expect(directionFilter(COMPANY.taxId, 'in')(outgoing)).toBe(false);
    expect(directionFilter(COMPANY.taxId, 'out')(outgoing)).toBe(true);
    expect(directionFilter(COMPANY.taxId, 'out')(incoming)).toBe(false);
  });

  it('ignores case and spaces in tax ids, and takes everything for an empty company id', () => {
    expect(directionFilter(` ${COMPANY.taxId.toLowerCase()} `, 'in')(incoming)).toBe(true);
    expect(directionFilter('', 'in')(outgoing)).toBe(true);
  });
});

describe('dayNumber', () => {
  it('counts days and is NaN for text that is not a date', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2024/03/01')).toBeNaN();
  });
});
