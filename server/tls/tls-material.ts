import { X509Certificate } from 'node:crypto';
import { formatFingerprint } from '../../shared/sync/server-address';

/** A certificate (PEM, the server's first; a chain may follow) and its private key (PEM). */
export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
}

/** The SHA-256 fingerprint of the (first) certificate, as people compare it: `AB:CD:…`. */
export function certificateFingerprint(cert: string): string {
  return formatFingerprint(new X509Certificate(cert).fingerprint256);
}
