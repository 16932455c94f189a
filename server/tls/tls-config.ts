/*
 * Whether and how the server speaks TLS, from its environment (docs/sync-server.md, "HTTPS"):
 *   TLS_CERT + TLS_KEY      HTTPS with those PEM files (an office CA's certificate, or a public one);
 *   TLS=off                 plain HTTP, for a reverse proxy that terminates TLS — only on a loopback HOST unless
 *                           FAPIAO_ALLOW_PLAIN_HTTP=1, because otherwise invoices and tokens cross the LAN readable;
 *   loopback HOST           plain HTTP (this PC only: tests, or a proxy on the same machine);
 *   any other HOST, TLS=on  HTTPS with the server's own self-signed certificate, made on first start.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLoopbackHost } from '../../shared/sync/server-address';
import { certificateNames, ensureSelfSigned, uncoveredNames } from './self-signed';
import type { TlsMaterial } from './tls-material';

/** The environment variables that decide TLS. */
export interface TlsEnv {
  readonly TLS?: string | undefined;
  readonly TLS_CERT?: string | undefined;
  readonly TLS_KEY?: string | undefined;
  readonly FAPIAO_ALLOW_PLAIN_HTTP?: string | undefined;
}

/** What the server will serve. */
export type TlsPlan =
  | {
      readonly kind: 'https';
      readonly material: TlsMaterial;
      /** files: TLS_CERT/TLS_KEY; stored: the self-signed one from an earlier start; created: made just now. */
      readonly source: 'files' | 'stored' | 'created';
      readonly certPath: string;
      /** Names of this machine the self-signed certificate does not cover (its addresses changed since). */
      readonly uncovered: readonly string[];
    }
  | { readonly kind: 'http'; readonly why: 'loopback' | 'off' };

/** A setting that cannot work: the server refuses to start and says why. */
export class TlsConfigError extends Error {}

const set = (v: string | undefined): v is string => v !== undefined && v !== '';

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new TlsConfigError(`Cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads TLS_CERT and TLS_KEY and checks that they are PEM and belong together. */
function fromFiles(certPath: string, keyPath: string): TlsMaterial {
  const material = { cert: readPem(certPath, 'TLS_CERT'), key: readPem(keyPath, 'TLS_KEY') };
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(material.cert);
  } catch {
    throw new TlsConfigError(`TLS_CERT ${certPath} is not a PEM certificate.`);
  }
  let matches: boolean;
  try {
    matches = cert.checkPrivateKey(createPrivateKey(material.key));
  } catch {
    throw new TlsConfigError(`TLS_KEY ${keyPath} is not a PEM private key (an encrypted key is not supported).`);
  }
  if (!matches) throw new TlsConfigError(`TLS_KEY ${keyPath} is not the private key of the certificate in TLS_CERT ${certPath}.`);
  return material;
}

/** Decides TLS for listening on `host` (see the header); `dataDir` holds the self-signed certificate in `tls/`. */
export async function resolveTls(env: TlsEnv, host: string, dataDir: string, now: Date = new Date()): Promise<TlsPlan> {
  const mode = (env.TLS ?? '').trim().toLowerCase();
  if (!['', 'on', 'off'].includes(mode)) throw new TlsConfigError(`TLS must be "on", "off" or unset, not "${env.TLS ?? ''}".`);
  const files = set(env.TLS_CERT) || set(env.TLS_KEY);
  if (mode === 'off') {
    if (files) throw new TlsConfigError('TLS=off and TLS_CERT/TLS_KEY are both set: choose one.');
    if (!isLoopbackHost(host) && env.FAPIAO_ALLOW_PLAIN_HTTP !== '1') {
      throw new TlsConfigError(`Refusing to serve plain HTTP on HOST=${host}: every invoice and device token would cross the network readable by anyone on it.
Serve HTTPS instead (unset TLS), or put the reverse proxy that terminates TLS on this machine and listen on HOST=127.0.0.1.
Only if the proxy runs on another machine, over a network you trust, set FAPIAO_ALLOW_PLAIN_HTTP=1 as well.`);
    }
    return { kind: 'http', why: 'off' };
  }
  if (files) {
    if (!set(env.TLS_CERT) || !set(env.TLS_KEY)) throw new TlsConfigError('Set both TLS_CERT and TLS_KEY (PEM file paths), or neither.');
    return { kind: 'https', material: fromFiles(env.TLS_CERT, env.TLS_KEY), source: 'files', certPath: env.TLS_CERT, uncovered: [] };
  }
  if (mode === '' && isLoopbackHost(host)) return { kind: 'http', why: 'loopback' };
  const names = certificateNames(host);
  const stored = await ensureSelfSigned(join(dataDir, 'tls'), names, now);
  return {
    kind: 'https', material: stored.material, source: stored.created ? 'created' : 'stored', certPath: stored.certPath,
    uncovered: stored.created ? [] : uncoveredNames(stored.material.cert, names),
  };
}
