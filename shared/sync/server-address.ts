/*
 * Which office-server addresses a PC may talk to, and how certificate fingerprints are written (issue #13).
 * Plain HTTP is refused to anything but this PC (loopback) unless an admin allowed it, because every invoice and
 * the device token would cross the LAN readable by anyone on it. Over HTTPS the server's certificate is pinned at
 * enrollment (trust on first use, confirmed by the admin against the fingerprint the server printed).
 */

/** What is wrong with a server address. */
export type AddressProblem =
  | { readonly kind: 'badUrl' }
  /** http:// to a host that is not this PC, while plain HTTP is not allowed. */
  | { readonly kind: 'plainHttp'; readonly host: string };

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The parts of a server address the rules look at (shared/ has no URL class). */
export interface ServerAddress {
  readonly protocol: 'http:' | 'https:';
  readonly hostname: string;
  /** The port, or the scheme's default. */
  readonly port: number;
  /** scheme://host:port, without a trailing slash or path. */
  readonly origin: string;
}

const ADDRESS = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[^/:?#\s@[\]]+)(?::(\d{1,5}))?(?:\/[^\s]*)?$/i;

/** Parses an http(s) address, or undefined when it is not one. */
export function parseServerAddress(url: string): ServerAddress | undefined {
  const m = ADDRESS.exec(url.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const protocol = m[1].toLowerCase() === 'https' ? 'https:' : 'http:';
  const port = m[3] !== undefined ? Number(m[3]) : protocol === 'https:' ? 443 : 80;
  if (port < 1 || port > 65535) return undefined;
  const hostname = m[2].toLowerCase();
  return { protocol, hostname, port, origin: `${protocol}//${hostname}${m[3] !== undefined ? `:${String(port)}` : ''}` };
}

/** Checks a server address: http(s) only; plain HTTP only to loopback unless `allowPlainHttp`. */
export function checkServerAddress(url: string, allowPlainHttp: boolean): { readonly ok: true; readonly address: ServerAddress } | { readonly ok: false; readonly problem: AddressProblem } {
  const address = parseServerAddress(url);
  if (!address) return { ok: false, problem: { kind: 'badUrl' } };
  if (address.protocol === 'http:' && !allowPlainHttp && !isLoopbackHost(address.hostname)) {
    return { ok: false, problem: { kind: 'plainHttp', host: address.hostname } };
  }
  return { ok: true, address };
}

/** A SHA-256 fingerprint as people compare it: upper-case hex pairs joined by ':' (what the server prints). */
export function formatFingerprint(hex: string): string {
  const clean = hex.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return clean.match(/.{2}/g)?.join(':') ?? '';
}

/**
 * Normalises any common way of writing a SHA-256 fingerprint to the colon form: colon/space hex (OpenSSL, Node's
 * `fingerprint256`) or Chromium's `sha256/<base64>` (Electron's Certificate.fingerprint). '' when it is neither.
 */
export function normalizeFingerprint(text: string): string {
  const t = text.trim();
  const b64 = /^sha256\/([A-Za-z0-9+/=]+)$/.exec(t);
  if (b64?.[1] !== undefined) {
    const bytes = base64Bytes(b64[1]);
    if (bytes?.length !== 32) return '';
    return formatFingerprint(bytes.map((b) => b.toString(16).padStart(2, '0')).join(''));
  }
  const hex = t.replace(/[\s:]/g, '');
  return /^[0-9a-fA-F]{64}$/.test(hex) ? formatFingerprint(hex) : '';
}

/** True when two fingerprints, written any way normalizeFingerprint reads, are the same certificate. */
export function sameFingerprint(a: string, b: string): boolean {
  const na = normalizeFingerprint(a);
  return na !== '' && na === normalizeFingerprint(b);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(text: string): number[] | undefined {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) return undefined;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return out;
}
