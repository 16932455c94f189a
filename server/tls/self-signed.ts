/*
 * The server's own certificate when no certificate files are given: made once, on first start, and kept in
 * `<data dir>/tls/` (key.pem readable by the owner only), because devices pin its fingerprint at enrollment and a
 * new certificate would make every device refuse the server until an admin confirms the new fingerprint.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname as osHostname, networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import type { TlsMaterial } from './tls-material';

/** The names a certificate is made for: DNS names and IP addresses. */
export interface CertNames {
  readonly dns: readonly string[];
  readonly ips: readonly string[];
}

/** Listen addresses that mean "every interface": not a name anyone connects to. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);
const DNS_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * What the self-signed certificate covers: the HOST given (name or IP), localhost, 127.0.0.1, this machine's name
 * and every LAN IPv4 address it has now, so a clerk's PC can connect by whichever one the admin gives it.
 */
export function certificateNames(
  host: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
  machineName: string = osHostname(),
): CertNames {
  const dns = new Set(['localhost']);
  const ips = new Set(['127.0.0.1']);
  const h = host.replace(/^\[|\]$/g, '');
  if (!WILDCARDS.has(h)) {
    if (isIP(h) !== 0) ips.add(h);
    else if (DNS_NAME.test(h)) dns.add(h.toLowerCase());
  }
  if (DNS_NAME.test(machineName)) dns.add(machineName.toLowerCase());
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) ips.add(info.address);
  }
  return { dns: [...dns], ips: [...ips] };
}

/** The names of `names` that `cert` does not cover (its subjectAltName was made for other addresses). */
export function uncoveredNames(cert: string, names: CertNames): string[] {
  const x509 = new X509Certificate(cert);
  return [...names.dns.filter((n) => x509.checkHost(n) === undefined), ...names.ips.filter((ip) => x509.checkIP(ip) === undefined)];
}

const YEARS = 10;

/**
 * A new self-signed ECDSA P-256 certificate for `names`, valid from a day ago for ten years. Its name carries a
 * random id: two of them (an old and a new one) must not share a subject, or a client trusting both mixes them up.
 */
export async function makeSelfSigned(names: CertNames, now: Date = new Date()): Promise<TlsMaterial> {
  const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + YEARS);
  const pems = await generate([{ name: 'commonName', value: `Fapiao Desk sync server ${randomBytes(4).toString('hex')}` }, { name: 'organizationName', value: 'Fapiao Desk' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2 as const, value })), ...names.ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** The stored self-signed certificate in `dir`, made now if there is none. */
export interface StoredCertificate {
  readonly material: TlsMaterial;
  readonly certPath: string;
  /** True when it was made by this call (first start). */
  readonly created: boolean;
}

/**
 * Reads `dir`/cert.pem and key.pem, or makes and stores them. The key is written first and the certificate last,
 * so a key without a certificate was never served and is replaced; a certificate without its key is an error
 * (a new one would change the fingerprint every device pinned).
 */
export async function ensureSelfSigned(dir: string, names: CertNames, now: Date = new Date()): Promise<StoredCertificate> {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  if (existsSync(certPath)) {
    if (!existsSync(keyPath)) {
      throw new Error(`${certPath} exists but its key ${keyPath} is missing. Restore key.pem from a backup, or delete cert.pem to make a new certificate (every device must then confirm its new fingerprint).`);
    }
    return { material: { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') }, certPath, created: false };
  }
  const material = await makeSelfSigned(names, now);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(`${keyPath}.tmp`, material.key, { mode: 0o600 });
  renameSync(`${keyPath}.tmp`, keyPath);
  writeFileSync(`${certPath}.tmp`, material.cert, { mode: 0o644 });
  renameSync(`${certPath}.tmp`, certPath);
  return { material, certPath, created: true };
}
