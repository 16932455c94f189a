/*
 * The pinned certificate during sync (issue #13). Two hosts, two checks:
 * - 'enforced' (the desktop app): Chromium refuses any certificate of the pinned host but the pinned one, so a
 *   changed certificate makes every request fail before anything is sent. The request fails like an unreachable
 *   server, so the engine then probes the certificate (in main, without trusting it) to tell the admin what changed.
 * - 'reported' (a plain browser): nothing here can pin. The browser must trust the certificate itself; before each
 *   cycle the server's health answer is asked which certificate it serves (tlsFingerprint) and compared with the
 *   pinned one. That is a consistency check, not protection: whoever answers can claim anything.
 * Either way a mismatch is a certificateChanged failure carrying both fingerprints, and no mutation is sent.
 */
import type { Result } from '../../shared/domain/result';
import { normalizeFingerprint, parseServerAddress, sameFingerprint } from '../../shared/sync/server-address';
import type { SyncClient } from './sync-client';
import type { SyncFailure } from './sync-failure';

/** How this host holds the server to its pinned certificate. */
export type CertificateCheck =
  | { readonly mode: 'enforced'; readonly probe: (url: string) => Promise<string | null> }
  | { readonly mode: 'reported' };

/** What the check needs to know about the enrollment. */
export interface PinnedServer {
  readonly serverUrl: string;
  /** The certificate confirmed at enrollment (colon hex), or null when none was pinned (plain HTTP, a proxy's certificate the browser checks). */
  readonly pinned: string | null;
  readonly check: CertificateCheck;
}

function changed(pinned: string, presented: string): SyncFailure {
  return { kind: 'certificateChanged', pinned: normalizeFingerprint(pinned), presented: normalizeFingerprint(presented) };
}

/** The failure when `presented` is not the pinned certificate, else null. */
export function certificateMismatch(pinned: string | null, presented: string | null | undefined): SyncFailure | null {
  if (pinned === null || presented === null || presented === undefined || sameFingerprint(pinned, presented)) return null;
  return changed(pinned, presented);
}

/** Runs `cycle` against a server held to its pin: checked before (reported) or explained after (enforced). */
export async function withPinnedCertificate<T>(
  server: PinnedServer, client: Pick<SyncClient, 'health'>, cycle: () => Promise<Result<T, SyncFailure>>,
): Promise<Result<T, SyncFailure>> {
  const { pinned, check } = server;
  const https = parseServerAddress(server.serverUrl)?.protocol === 'https:';
  if (pinned === null || !https) return cycle();
  if (check.mode === 'reported') {
    const h = await client.health();
    if (!h.ok) return h;
    const mismatch = certificateMismatch(pinned, h.value.tlsFingerprint);
    if (mismatch) return { ok: false, error: mismatch };
    return cycle();
  }
  const r = await cycle();
  if (r.ok || r.error.kind !== 'unreachable') return r;
  const mismatch = certificateMismatch(pinned, await check.probe(server.serverUrl).catch(() => null));
  return mismatch ? { ok: false, error: mismatch } : r;
}
