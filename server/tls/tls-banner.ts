import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { isLoopbackHost } from '../../shared/sync/server-address';
import type { TlsPlan } from './tls-config';
import { certificateFingerprint } from './tls-material';

/** The line the server prints on start and `fingerprint` prints: what an admin compares at enrollment. */
export function fingerprintLine(cert: string): string {
  return `TLS certificate SHA-256 fingerprint: ${certificateFingerprint(cert)}`;
}

/** Addresses a device on the LAN can use when the server listens on every interface. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => i.address));
}

/** What the server says on start about TLS, after its "listening on" line. */
export function tlsBanner(plan: TlsPlan, host: string, port: number): string[] {
  if (plan.kind === 'http') {
    if (plan.why === 'loopback') return ['Plain HTTP on this machine only (loopback HOST). For the office network set HOST to this PC\'s address: the server then serves HTTPS.'];
    return isLoopbackHost(host)
      ? ['TLS=off: plain HTTP on loopback, for a reverse proxy on this machine that terminates TLS.']
      : [`WARNING: TLS=off with FAPIAO_ALLOW_PLAIN_HTTP=1: plain HTTP on ${host}; only a reverse proxy on a trusted network may connect here.`];
  }
  const lines: string[] = [];
  if (plan.source === 'created') lines.push(`Made a self-signed certificate: ${plan.certPath} (key beside it, readable by this user only). Keep both in your backups.`);
  if (plan.source === 'stored') lines.push(`Using the self-signed certificate ${plan.certPath}.`);
  if (plan.uncovered.length > 0) {
    lines.push(`Note: the certificate does not name ${plan.uncovered.join(', ')} (this machine's addresses changed since it was made). Devices pin the fingerprint, so they still connect; delete the tls folder to make a new certificate, and every device must then confirm the new fingerprint.`);
  }
  lines.push(fingerprintLine(plan.material.cert));
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = bare === '0.0.0.0' || bare === '::' ? lanAddresses() : [];
  for (const address of addresses) lines.push(`Devices connect to https://${isIP(address) === 6 ? `[${address}]` : address}:${port}`);
  return lines;
}
