/*
 * Joining the office server (issue #13), in two steps so the admin sees whom the enrollment code goes to:
 * 1. identifyServer: the address passes the plain-HTTP rule; over https the server's certificate is read (the
 *    desktop app probes it in main; a browser can only ask the server which one it serves) for the admin to compare
 *    with the fingerprint the server printed when it started.
 * 2. enrollDevice: the confirmed certificate is pinned (trust on first use), then the code buys a device token,
 *    which goes to this PC's secret store, and the enrollment (with the pin) to the ledger's sync settings.
 * A certificate that changed later is trusted again only by an admin who compared it (trustPresentedCertificate).
 * Everything is injected (server-enrollment.ts binds the app's own), so tests run it against a fake server.
 */
import { ok, type Result } from '../../shared/domain/result';
import type { ServerCertificate } from '../../shared/ipc';
import { checkServerAddress, normalizeFingerprint, sameFingerprint } from '../../shared/sync/server-address';
import type { SyncRepository, SyncSettings } from '../db/sync-repository';
import type { LocalSecretStore } from '../platform/local-secrets';
import type { CertificateCallError, ServerCertificates } from '../platform/server-certificates';
import { realTimers, type Timers } from './http';
import { certificateMismatch } from './server-trust';
import { SyncClient } from './sync-client';
import { addressFailure, type SyncFailure } from './sync-failure';

/** Whom the enrollment code would go to, as the admin confirms it. */
export type ServerIdentity =
  /** Plain HTTP (this PC, or the LAN where the admin allowed it): no certificate to compare. */
  | { readonly kind: 'plain'; readonly url: string }
  /** Desktop: the certificate main read from the server, to be pinned. */
  | { readonly kind: 'probed'; readonly url: string; readonly certificate: ServerCertificate }
  /** Browser: the certificate the server says it serves (the browser itself checked the connection). */
  | { readonly kind: 'reported'; readonly url: string; readonly fingerprint: string }
  /** Browser, and the server reports no certificate of its own (behind a reverse proxy): the browser's check only. */
  | { readonly kind: 'browser'; readonly url: string };

/** What enrollment works with. */
export interface EnrollmentDeps {
  readonly store: Pick<SyncRepository, 'settings' | 'saveSettings' | 'allowPlainHttp' | 'setAllowPlainHttp'>;
  readonly secrets: Pick<LocalSecretStore, 'set'>;
  /** The desktop app's probe and pin; null in a browser. */
  readonly certificates: ServerCertificates | null;
  readonly fetch: typeof fetch;
  /** Restarts sync under the new enrollment or policy. */
  readonly restart: () => Promise<void>;
  readonly timers?: Timers;
  readonly now?: () => string;
}

type Outcome<T> = Promise<Result<T, SyncFailure>>;
const fail = (error: SyncFailure) => ({ ok: false as const, error });

function probeFailure(e: CertificateCallError): SyncFailure {
  if (e.kind === 'badUrl') return { kind: 'badUrl' };
  const reason = e.kind === 'unreachable' || e.kind === 'timeout' || e.kind === 'noCertificate' ? e.kind : 'other';
  return { kind: 'noCertificate', reason };
}

/** A write the repositories refused for the signed-in role (renderer/db/permission.ts throws it), as a failure. */
async function permitted(write: () => Promise<void>): Outcome<null> {
  try {
    await write();
    return ok(null);
  } catch (e) {
    const needs = (e as { refusal?: { needs?: unknown } } | null)?.refusal?.needs;
    if (Array.isArray(needs)) return fail({ kind: 'notAllowed', needs: needs.map(String) });
    throw e;
  }
}

/** The enrollment steps over `deps`. */
export function createEnrollment(deps: EnrollmentDeps) {
  const clientFor = (url: string, allowPlainHttp: boolean) =>
    new SyncClient({ fetch: deps.fetch, timers: deps.timers ?? realTimers, timeoutMs: 15_000 }, url, '', { allowPlainHttp });

  /** The fingerprint the server presents now: main's probe on the desktop, the server's own word in a browser. */
  async function presentedNow(url: string, allowPlainHttp: boolean): Outcome<{ fingerprint: string | null; certificate?: ServerCertificate }> {
    if (deps.certificates) {
      const r = await deps.certificates.probe(url);
      return r.ok ? ok({ fingerprint: r.value.fingerprint, certificate: r.value }) : fail(probeFailure(r.error));
    }
    const h = await clientFor(url, allowPlainHttp).health();
    if (!h.ok) return h;
    const reported = normalizeFingerprint(h.value.tlsFingerprint ?? '');
    return ok({ fingerprint: reported === '' ? null : reported });
  }

  async function pin(certificate: ServerCertificate): Outcome<null> {
    const pinned = await deps.certificates?.pin(certificate.origin, certificate.fingerprint);
    return pinned && !pinned.ok ? fail({ kind: 'notKept', detail: pinned.error.message }) : ok(null);
  }

  return {
    /** Step 1: checks the address and reads the server's certificate for the admin to compare. */
    identifyServer: async (input: string): Outcome<ServerIdentity> => {
      const url = input.trim().replace(/\/+$/, '');
      const allowPlainHttp = await deps.store.allowPlainHttp();
      const address = checkServerAddress(url, allowPlainHttp);
      if (!address.ok) return fail(addressFailure(address.problem));
      if (address.address.protocol === 'http:') return ok({ kind: 'plain', url });
      const now = await presentedNow(url, allowPlainHttp);
      if (!now.ok) return now;
      if (now.value.certificate) return ok({ kind: 'probed', url, certificate: now.value.certificate });
      return ok(now.value.fingerprint === null ? { kind: 'browser', url } : { kind: 'reported', url, fingerprint: now.value.fingerprint });
    },

    /** Step 2: pins the confirmed certificate, trades the code for a device token, keeps both, and starts syncing. */
    enrollDevice: async (identity: ServerIdentity, enrollmentCode: string, deviceName: string): Outcome<SyncSettings> => {
      const client = clientFor(identity.url, await deps.store.allowPlainHttp());
      let certFingerprint: string | null = null;
      if (identity.kind === 'probed') {
        certFingerprint = identity.certificate.fingerprint;
        const pinned = await pin(identity.certificate);
        if (!pinned.ok) return pinned;
      } else if (identity.kind === 'reported') {
        certFingerprint = identity.fingerprint;
        // The code is single-use: check once more that the server still reports what the admin confirmed.
        const h = await client.health();
        if (!h.ok) return h;
        const mismatch = certificateMismatch(certFingerprint, h.value.tlsFingerprint);
        if (mismatch) return fail(mismatch);
      }
      const r = await client.enroll(enrollmentCode.trim(), deviceName.trim());
      if (!r.ok) return r;
      try {
        await deps.secrets.set('sync-token', r.value.token);
      } catch (e) {
        return fail({ kind: 'notKept', detail: e instanceof Error ? e.message : String(e) });
      }
      const settings: SyncSettings = {
        serverUrl: identity.url, deviceId: r.value.deviceId, deviceName: deviceName.trim(),
        enrolledAt: (deps.now ?? (() => new Date().toISOString()))(),
        ...(certFingerprint === null ? {} : { certFingerprint }),
      };
      const saved = await permitted(() => deps.store.saveSettings(settings));
      if (!saved.ok) return saved;
      await deps.restart();
      return ok(settings);
    },

    /**
     * Trusts the certificate the server presents now, after the admin compared `presented` (shown in the
     * certificateChanged failure) with the one the server printed. Refused when the server presents yet another one.
     */
    trustPresentedCertificate: async (presented: string): Outcome<null> => {
      const settings = await deps.store.settings();
      if (!settings) return fail({ kind: 'notEnrolled' });
      const now = await presentedNow(settings.serverUrl, await deps.store.allowPlainHttp());
      if (!now.ok) return now;
      const fingerprint = now.value.fingerprint;
      if (fingerprint === null || !sameFingerprint(fingerprint, presented)) {
        return fail({ kind: 'certificateChanged', pinned: normalizeFingerprint(presented), presented: fingerprint ?? '' });
      }
      const saved = await permitted(() => deps.store.saveSettings({ ...settings, certFingerprint: fingerprint }));
      if (!saved.ok) return saved;
      if (now.value.certificate) {
        const pinned = await pin(now.value.certificate);
        if (!pinned.ok) return pinned;
      }
      await deps.restart();
      return ok(null);
    },

    /** Sets the admin's "允许局域网明文 HTTP" for this PC and restarts sync under it. */
    setPlainHttpAllowed: async (allow: boolean): Outcome<null> => {
      const saved = await permitted(() => deps.store.setAllowPlainHttp(allow));
      if (!saved.ok) return saved;
      await deps.restart();
      return ok(null);
    },
  };
}

/** The enrollment steps. */
export type Enrollment = ReturnType<typeof createEnrollment>;
