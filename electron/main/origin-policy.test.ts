import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedExternalUrl, isAppUrl, isTrustedSender } from './origin-policy';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://fapiao/', 'app://fapiao/assets/index-abc.js', 'app://fapiao/#/invoices?x=1'])(
    'accepts %s', (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'app://evil/index.html',
    'app://fapiao.evil/index.html',
    'app://fapiao:8080/index.html',
    'app://user:pw@fapiao/index.html',
    'https://fapiao/index.html',
    'file:///C:/fapiao/index.html',
    'http://127.0.0.1:4173/',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top-level frame of app://fapiao', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
  });

  it('refuses a missing frame, a subframe and another origin', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null })).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('allows https pages on an allowlisted origin', () => {
    expect(isAllowedExternalUrl('https://inv-veri.chinatax.gov.cn/index.html')).toBe(true);
  });

  it.each([
    'http://inv-veri.chinatax.gov.cn/',
    'https://inv-veri.chinatax.gov.cn.evil.com/',
    'https://user@inv-veri.chinatax.gov.cn/',
    'https://example.com/',
    'file:///etc/passwd',
    'smb://server/share',
    'garbage',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('uses the allowlist it is given', () => {
    expect(isAllowedExternalUrl('https://example.com/a', ['https://example.com'])).toBe(true);
    expect(isAllowedExternalUrl('https://inv-veri.chinatax.gov.cn/', [])).toBe(false);
  });
});
