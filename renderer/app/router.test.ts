import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from './router';

describe('routes', () => {
  it('open the home page on the empty hash, #/ and unknown hashes; the ledger lives at #/ledger', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/invoice/']) expect(parseRoute(hash), hash).toEqual({ name: 'home' });
    expect(parseRoute('#/ledger')).toEqual({ name: 'ledger' });
    expect(routeHash({ name: 'home' })).toBe('#/');
    expect(routeHash({ name: 'ledger' })).toBe('#/ledger');
  });

  it('read back every hash they write', () => {
    const routes: Route[] = [{ name: 'home' }, { name: 'ledger' }, { name: 'bin' }, { name: 'cases' }, { name: 'case', id: 'c-1' }, { name: 'detail', id: 'i-1' }, { name: 'edit', id: 'i-1' }];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });

  it('reach the month-end check and a saved check', () => {
    expect(parseRoute('#/month-end')).toEqual({ name: 'monthEnd' });
    expect(parseRoute('#/month-end/0193-ab')).toEqual({ name: 'monthEndCheck', id: '0193-ab' });
    expect(routeHash({ name: 'monthEndCheck', id: 'x1' })).toBe('#/month-end/x1');
    expect(parseRoute('#/month-end/')).toEqual({ name: 'home' });
  });
});
