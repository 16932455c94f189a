/*
 * Trust on first use for the office server's certificate (issue #13). At enrollment the admin compares the
 * fingerprint the PC sees with the one the server printed, and the PC pins it. From then on a certificate that host
 * presents is accepted only when it is the pinned one (self-signed is fine then), and refused otherwise; a host
 * without a pin is left to the platform's own verdict. Electron's verify proc, the integration tests' simulated PC
 * and the sync engine all decide through this one function.
 */
import { normalizeFingerprint, parseServerAddress } from './server-address';

/** A certificate the admin confirmed for a server origin (scheme://host:port). */
export interface CertificatePin {
  readonly origin: string;
  /** The fingerprint in the colon form (formatFingerprint). */
  readonly fingerprint: string;
}

/** What to do with a presented certificate: the pinned one, a different one on a pinned host, or a host with no pin. */
export type PinVerdict = 'accept' | 'refuse' | 'unpinned';

const bare = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** The host name a pin is for ('' when the origin is not an https:// address). */
export function pinnedHost(pin: CertificatePin): string {
  const address = parseServerAddress(pin.origin);
  return address?.protocol === 'https:' ? bare(address.hostname) : '';
}

/**
 * Decides on the certificate `hostname` presented. Every pin of that host counts whatever its port: Chromium's verify
 * proc is told the host but not the port, so pins are per host (two servers on one host share their trust).
 */
export function pinVerdict(pins: readonly CertificatePin[], hostname: string, presented: string): PinVerdict {
  const host = bare(hostname);
  const mine = pins.filter((p) => pinnedHost(p) === host);
  if (mine.length === 0) return 'unpinned';
  const seen = normalizeFingerprint(presented);
  return seen !== '' && mine.some((p) => normalizeFingerprint(p.fingerprint) === seen) ? 'accept' : 'refuse';
}

/** The pins with `pin` added, replacing an earlier pin of the same origin. */
export function withPin(pins: readonly CertificatePin[], pin: CertificatePin): CertificatePin[] {
  return [...pins.filter((p) => p.origin !== pin.origin), pin];
}
