// The office server's certificate, pinned on first use (issue #13). `probe` connects with Node's TLS without trusting
// the certificate and answers its SHA-256 fingerprint for the admin to compare with the one the server printed; `pin`
// keeps the confirmed one in userData/server-pins.json (atomic write); `verifyProc` is installed as the session's
// certificate verify proc, so a pinned host is accepted only with its pinned certificate (self-signed is fine then)
// and refused with any other, while hosts without a pin keep Chromium's own verdict.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import type { ConnectionOptions, PeerCertificate, TLSSocket } from 'node:tls';
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/domain/result';
import type {
  PinCertificateError, PinServerCertificateArgs, Pinned, ProbeCertificateError, ProbeServerCertificateArgs, ServerCertificate,
} from '../../shared/ipc';
import { pinVerdict, withPin, type CertificatePin } from '../../shared/sync/certificate-pin';
import { normalizeFingerprint, parseServerAddress } from '../../shared/sync/server-address';
import { writeFileAtomic } from './file-io';

/** The file the pins live in, inside userData. */
export const PINS_FILE = 'server-pins.json';

/** Chromium's verify-proc answers: accept, refuse, or use Chromium's own verification. */
export const VERIFY = { accept: 0, refuse: -2, chromium: -3 } as const;

/** Node's tls.connect (injected, so tests can use a real or a fake server). */
export type TlsConnect = (options: ConnectionOptions, onSecure: () => void) => TLSSocket;

/** The part of Electron's verify-proc request this module reads. */
export interface VerifyRequest {
  readonly hostname: string;
  readonly certificate: { readonly fingerprint: string };
}

/** The certificate methods of DesktopApi, and the verify proc for the session. */
export interface ServerPins {
  probe(args: ProbeServerCertificateArgs): Promise<Result<ServerCertificate, ProbeCertificateError>>;
  pin(args: PinServerCertificateArgs): Promise<Result<Pinned, PinCertificateError>>;
  /** Electron's setCertificateVerifyProc callback. */
  verifyProc(request: VerifyRequest, callback: (code: number) => void): void;
}

/** What the pins need: where userData is, how to connect, and whom to tell that the pins changed. */
export interface ServerPinsDeps {
  readonly userDataDir: string;
  readonly connect: TlsConnect;
  readonly timeoutMs?: number;
  /** Called after a pin was kept (main re-installs the verify proc and closes open connections). */
  readonly onChange?: () => void;
}

const pinsFileSchema = z.object({
  version: z.literal(1),
  pins: z.array(z.object({ origin: z.string(), fingerprint: z.string() })),
});

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The common name of a certificate's subject or issuer ('' when it has none). */
function commonName(name: PeerCertificate['subject'] | undefined): string {
  const cn = (name as Record<string, string | string[] | undefined> | undefined)?.['CN'];
  return Array.isArray(cn) ? cn.join(', ') : cn ?? '';
}

function isoDate(text: string): string {
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}

/** Connects to `url` without trusting its certificate and describes the certificate it presents. */
export function probeCertificate(url: string, connect: TlsConnect, timeoutMs = 8000): Promise<Result<ServerCertificate, ProbeCertificateError>> {
  const address = parseServerAddress(url);
  if (!address) return Promise.resolve(err({ kind: 'badUrl', message: 'not an http(s) address' }));
  if (address.protocol !== 'https:') return Promise.resolve(err({ kind: 'notHttps', message: 'only an https:// server has a certificate' }));
  const host = address.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    let settled = false;
    // rejectUnauthorized: false is the point of a probe: the admin, not a CA, judges this certificate. Nothing is sent.
    const socket = connect({ host, port: address.port, rejectUnauthorized: false, ...(isIP(host) === 0 ? { servername: host } : {}) }, () => {
      const cert = socket.getPeerCertificate();
      const fingerprint = normalizeFingerprint(typeof cert.fingerprint256 === 'string' ? cert.fingerprint256 : '');
      finish(fingerprint === ''
        ? err({ kind: 'noCertificate', message: 'the server presented no certificate' })
        : ok({
          origin: address.origin, fingerprint, subject: commonName(cert.subject), issuer: commonName(cert.issuer),
          validFrom: isoDate(cert.valid_from), validTo: isoDate(cert.valid_to),
        }));
    });
    const timer = setTimeout(() => { finish(err({ kind: 'timeout', message: `no TLS answer within ${String(timeoutMs)} ms` })); }, timeoutMs);
    function finish(r: Result<ServerCertificate, ProbeCertificateError>): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A clean close after reading the certificate (the server would otherwise log a failed handshake).
      if (r.ok) socket.end();
      else socket.destroy();
      resolve(r);
    }
    socket.on('error', (e) => {
      // A plain-HTTP server answers the TLS hello with text: the handshake fails, so it has no certificate to pin.
      const code = (e as { code?: string }).code ?? '';
      finish(err({ kind: /^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ECONNRESET)$/.test(code) ? 'unreachable' : 'noCertificate', message: messageOf(e) }));
    });
  });
}

/** The pins an earlier run kept; a missing or damaged file means none (then nothing self-signed is trusted). */
function readPins(file: string): CertificatePin[] {
  try {
    const parsed = pinsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.pins : [];
  } catch {
    return [];
  }
}

/**
 * Pins kept in `<userDataDir>/server-pins.json`, read at once (a small file, read before the first window opens, so
 * no request to a pinned server goes unchecked).
 */
export function createServerPins(deps: ServerPinsDeps): ServerPins {
  const file = path.join(deps.userDataDir, PINS_FILE);
  let pins = readPins(file);
  // What this run's probes saw: only a certificate main itself was shown can be pinned, not one the renderer names.
  const probed = new Map<string, string>();
  return {
    async probe({ url }) {
      const r = await probeCertificate(url, deps.connect, deps.timeoutMs);
      if (r.ok) probed.set(r.value.origin, r.value.fingerprint);
      return r;
    },
    async pin({ origin, fingerprint }) {
      const address = parseServerAddress(origin);
      if (address?.protocol !== 'https:') return err({ kind: 'badOrigin', message: 'a pin is for an https:// server' });
      if (probed.get(address.origin) !== fingerprint) return err({ kind: 'notProbed', message: 'probe the server first; only the certificate it presented can be pinned' });
      const next = withPin(pins, { origin: address.origin, fingerprint });
      try {
        await mkdir(deps.userDataDir, { recursive: true });
        await writeFileAtomic(file, new TextEncoder().encode(`${JSON.stringify({ version: 1, pins: next }, null, 2)}\n`));
      } catch (e) {
        return err({ kind: 'io', message: messageOf(e).replaceAll(deps.userDataDir, '<userData>') });
      }
      pins = next;
      deps.onChange?.();
      return ok({});
    },
    verifyProc(request, callback) {
      const verdict = pinVerdict(pins, request.hostname, request.certificate.fingerprint);
      callback(verdict === 'accept' ? VERIFY.accept : verdict === 'refuse' ? VERIFY.refuse : VERIFY.chromium);
    },
  };
}

/** The part of Electron's Session that enforces the pins. */
export interface PinSession {
  setCertificateVerifyProc(proc: ((request: VerifyRequest, callback: (code: number) => void) => void) | null): void;
  closeAllConnections(): Promise<void>;
}

/**
 * Pins enforced on `ses`: the verify proc is installed now (before any window loads) and again whenever a pin is
 * kept, with open connections closed, so the next request to that server is verified afresh.
 */
export function enforcePins(ses: PinSession, deps: Omit<ServerPinsDeps, 'onChange'>): ServerPins {
  // WARNING: the only verify proc of the app. It loosens nothing for hosts without a pin (-3: Chromium's verdict).
  const install = () => { ses.setCertificateVerifyProc((request, callback) => { pins.verifyProc(request, callback); }); };
  const pins = createServerPins({ ...deps, onChange: () => { install(); void ses.closeAllConnections(); } });
  install();
  return pins;
}
