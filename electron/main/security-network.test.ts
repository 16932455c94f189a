import { describe, expect, it } from 'vitest';
import { isAllowedConnectUrl, restrictNetwork } from './security-network';

describe('isAllowedConnectUrl', () => {
  it('lets the renderer reach a sync server on this PC or the office LAN', () => {
    for (const url of [
      'http://127.0.0.1:8787/api/v1/health', 'http://localhost:8787/x', 'http://192.168.1.10:8787/api/v1/sync/push',
      'http://10.0.0.5:8787/', 'http://172.16.0.1/', 'http://172.31.255.254:80/', 'http://169.254.1.1/',
      'https://fapiao-server.local:8443/', 'http://office-server:8787/', 'http://sync.corp/', 'http://[::1]:8787/',
      'http://[fd12:3456::1]:8787/', 'http://[fe80::1]/',
    ]) expect(isAllowedConnectUrl(url), url).toBe(true);
  });

  it('reads other spellings of an address as the address they are', () => {
    expect(isAllowedConnectUrl('http://0x7f000001:8787/')).toBe(true); // 127.0.0.1
    expect(isAllowedConnectUrl('http://3232235786:8787/')).toBe(true); // 192.168.1.10
  });

  it('refuses the internet, credentials in the URL and other schemes', () => {
    for (const url of [
      'https://evil.example.com/steal', 'http://8.8.8.8/', 'http://172.32.0.1/', 'http://192.169.1.1/', 'http://[2001:db8::1]/',
      'http://user:pw@192.168.1.10:8787/', 'ws://192.168.1.10:8787/', 'ftp://192.168.1.10/', 'http://0x08080808/',
      'http://134744072/', 'not a url', 'https://local.example.com/', 'https://example.com.evil/',
    ]) expect(isAllowedConnectUrl(url), url).toBe(false);
  });
});

describe('restrictNetwork', () => {
  it('cancels requests that would leave the LAN', () => {
    let listener: ((details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void) | undefined;
    let patterns: readonly string[] = [];
    const session = {
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, l: typeof listener) => { patterns = filter.urls; listener = l; },
      },
    };
    restrictNetwork(session);
    expect(patterns).toContain('https://*/*');
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      listener?.({ url }, (r) => { cancel = r.cancel; });
      return cancel;
    };
    expect(verdict('http://192.168.1.10:8787/api/v1/health')).toBe(false);
    expect(verdict('https://evil.example.com/')).toBe(true);
  });
});
