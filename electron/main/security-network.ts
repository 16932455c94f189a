/*
 * Where the renderer may send requests: this PC and the office LAN. A CSP cannot name address ranges, so the
 * policy's connect-src admits any http(s) origin (csp.ts) and this filter, applied to every request of the
 * session, cancels the ones that would leave the LAN. An office sync server at e.g. http://192.168.1.10:8787 or
 * http://fapiao-server.local:8787 is reached; a script injected through some bug cannot post the ledger to the
 * internet. Widen here, deliberately, if an office ever runs its server under a public name.
 */
import type { Session } from 'electron';

/** Host names that only resolve inside a site (RFC 6762 .local, RFC 8375 home.arpa, and common LAN suffixes). */
const LAN_SUFFIXES: readonly string[] = ['.local', '.lan', '.home.arpa', '.internal', '.intranet', '.corp', '.localhost'];

function ipv4(host: string): readonly number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

function isPrivateIpv4([a = -1, b = -1]: readonly number[]): boolean {
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

function isPrivateIpv6(host: string): boolean {
  const h = host.toLowerCase();
  // ::1 loopback, fc00::/7 unique local, fe80::/10 link local.
  return h === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(h) || /^fe[89ab][0-9a-f]?:/.test(h);
}

/** True for an http(s) URL without credentials whose host is this PC or on the local network. */
export function isAllowedConnectUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  // The WHATWG parser already turned hex, octal and single-number spellings of an IPv4 address into dotted form.
  const host = parsed.hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) return isPrivateIpv6(host.slice(1, -1));
  const v4 = ipv4(host);
  if (v4) return isPrivateIpv4(v4);
  if (host === 'localhost' || !host.includes('.')) return host !== '';
  return LAN_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** Network requests of the session (fetch, images, workers' fetches) leave this PC only for the LAN. */
export function restrictNetwork(session: Pick<Session, 'webRequest'>): void {
  const filter = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };
  session.webRequest.onBeforeRequest(filter, (details, callback) => {
    callback({ cancel: !isAllowedConnectUrl(details.url) });
  });
}
