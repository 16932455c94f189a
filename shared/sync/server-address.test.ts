import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { checkServerAddress, formatFingerprint, isLoopbackHost, normalizeFingerprint, parseServerAddress, sameFingerprint } from './server-address';

describe('server addresses', () => {
  it('allows plain HTTP to this PC only, unless allowed', () => {
    expect(checkServerAddress('http://127.0.0.1:8787', false).ok).toBe(true);
    expect(checkServerAddress('http://localhost:8787/', false).ok).toBe(true);
    expect(checkServerAddress('http://[::1]:8787', false).ok).toBe(true);
    expect(checkServerAddress('http://192.168.1.20:8787', false)).toEqual({ ok: false, problem: { kind: 'plainHttp', host: '192.168.1.20' } });
    expect(checkServerAddress('http://192.168.1.20:8787', true).ok).toBe(true);
    expect(checkServerAddress('https://192.168.1.20:8787', false).ok).toBe(true);
    expect(checkServerAddress('ftp://x', true)).toEqual({ ok: false, problem: { kind: 'badUrl' } });
    expect(checkServerAddress('not a url', true)).toEqual({ ok: false, problem: { kind: 'badUrl' } });
    expect(isLoopbackHost('127.0.0.1.evil.com')).toBe(false);
  });

  it('parses the origin and default ports', () => {
    expect(parseServerAddress('HTTPS://Server.Local')).toEqual({ protocol: 'https:', hostname: 'server.local', port: 443, origin: 'https://server.local' });
    expect(parseServerAddress('http://10.0.0.5:8787/api')?.origin).toBe('http://10.0.0.5:8787');
    expect(parseServerAddress('http://10.0.0.5:99999')).toBeUndefined();
  });

  it('reads fingerprints written as colon hex or as Chromium sha256/base64', () => {
    const digest = createHash('sha256').update('certificate').digest();
    const colon = formatFingerprint(digest.toString('hex'));
    expect(colon).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(normalizeFingerprint(`sha256/${digest.toString('base64')}`)).toBe(colon);
    expect(normalizeFingerprint(colon.toLowerCase())).toBe(colon);
    expect(sameFingerprint(colon, `sha256/${digest.toString('base64')}`)).toBe(true);
    expect(sameFingerprint(colon, formatFingerprint(createHash('sha256').update('other').digest('hex')))).toBe(false);
    expect(normalizeFingerprint('sha256/AAAA')).toBe('');
    expect(sameFingerprint('', '')).toBe(false);
  });
});
