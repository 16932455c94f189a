import { describe, expect, it } from 'vitest';
import { filterFromParams } from '../../../shared/print/filter-params';
import { printTarget } from './print-target';

describe('printTarget', () => {
  it('prints the ledger for its current filter, which the print view reads back unchanged', () => {
    const filter = { statuses: ['entered'] as const, dateFrom: '2025-04-01', dateTo: '2025-04-30' };
    const target = printTarget({ name: 'ledger' }, { ...filter, statuses: [...filter.statuses] }, null);
    expect(target?.kind).toBe('document');
    if (target?.kind !== 'document') return;
    expect(target.doc).toBe('ledger');
    expect(filterFromParams(target.params)).toEqual({ ok: true, filter: { ...filter, statuses: ['entered'] } });
  });

  it('prints the record a screen shows', () => {
    expect(printTarget({ name: 'detail', id: 'i1' }, {}, null)).toEqual({ kind: 'document', doc: 'invoice', params: { id: 'i1' } });
    expect(printTarget({ name: 'edit', id: 'i1' }, {}, null)).toEqual({ kind: 'document', doc: 'invoice', params: { id: 'i1' } });
    expect(printTarget({ name: 'case', id: 'c1' }, {}, null)).toEqual({ kind: 'document', doc: 'case', params: { id: 'c1' } });
    expect(printTarget({ name: 'monthEndCheck', id: 'm1' }, {}, null)).toEqual({ kind: 'document', doc: 'monthEnd', params: { id: 'm1' } });
  });

  it('prints the reconciliation report only while one is on screen; the home page and the preview print themselves', () => {
    expect(printTarget({ name: 'reconcile' }, {}, 'run-7')).toEqual({ kind: 'document', doc: 'reconcile', params: { run: 'run-7' } });
    expect(printTarget({ name: 'reconcile' }, {}, null)).toBeNull();
    expect(printTarget({ name: 'home' }, {}, null)).toEqual({ kind: 'page' });
    expect(printTarget({ name: 'print', doc: 'ledger', query: '' }, {}, null)).toEqual({ kind: 'page' });
    for (const name of ['sync', 'backup', 'users', 'feedback', 'capture', 'new'] as const) expect(printTarget({ name }, {}, null)).toBeNull();
  });
});
