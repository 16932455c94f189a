/*
 * The office server's certificate, as this host can see and pin it (issue #13). The desktop app probes it in main
 * and pins it there, where Chromium's verify proc enforces the pin for every request. A plain browser has neither:
 * it must trust the certificate itself (the admin installs or accepts it), and the sync engine can only compare the
 * fingerprint the server reports about itself (renderer/sync/server-trust.ts), so this answers null there.
 */
import type { Result } from '../../shared/domain/result';
import type {
  DesktopWindow, IpcFailure, PinCertificateError, ProbeCertificateError, ServerCertificate,
} from '../../shared/ipc';

/** Why a probe or a pin did not work: the method's own failure, or the bridge refused the call. */
export type CertificateCallError = ProbeCertificateError | PinCertificateError | IpcFailure;

/** Probing and pinning the server certificate on a host that can. */
export interface ServerCertificates {
  /** The certificate `url` presents, read without trusting it. */
  probe(url: string): Promise<Result<ServerCertificate, CertificateCallError>>;
  /** Trusts a probed certificate for its server from now on; any other certificate there is refused. */
  pin(origin: string, fingerprint: string): Promise<Result<null, CertificateCallError>>;
}

/** The host's certificate access, or null in a plain browser (which has no pinning API). */
export function serverCertificates(win: Window = window): ServerCertificates | null {
  const api = (win as Window & DesktopWindow).desktop;
  if (!api) return null;
  return {
    probe: (url) => api.probeServerCertificate({ url }),
    async pin(origin, fingerprint) {
      const r = await api.pinServerCertificate({ origin, fingerprint });
      return r.ok ? { ok: true, value: null } : r;
    },
  };
}
