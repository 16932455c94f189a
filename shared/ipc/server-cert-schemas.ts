import { z } from 'zod';

// The office server's certificate over IPC (issue #13): main probes it with Node's TLS (the renderer cannot read a
// certificate), shows the admin its fingerprint, and pins the one the admin confirmed, so Chromium then accepts that
// certificate for that host (self-signed is fine) and refuses any other.

/** A SHA-256 fingerprint in the colon form people compare ("AB:CD:…", 32 pairs). */
export const fingerprintSchema = z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);

/** Which server to probe: an https:// address as the admin typed it. */
export const probeServerCertificateArgsSchema = z.object({ url: z.string().min(1).max(2048) });
/** Which server to probe. */
export type ProbeServerCertificateArgs = z.infer<typeof probeServerCertificateArgsSchema>;

/** The certificate a server presented, as the enrollment screen shows it. */
export const serverCertificateSchema = z.object({
  /** scheme://host:port of the server (what a pin is for). */
  origin: z.string(),
  fingerprint: fingerprintSchema,
  /** The certificate's subject and issuer common names ('' when absent); equal for a self-signed certificate. */
  subject: z.string(),
  issuer: z.string(),
  /** Validity as the certificate states it (ISO 8601). */
  validFrom: z.string(),
  validTo: z.string(),
});
/** The certificate a server presented. */
export type ServerCertificate = z.infer<typeof serverCertificateSchema>;

/** Why no certificate came back: not an https:// address, nothing answered, no answer in time, or no TLS there. */
export const probeCertificateErrorSchema = z.object({
  kind: z.enum(['badUrl', 'notHttps', 'unreachable', 'timeout', 'noCertificate']),
  message: z.string(),
});
/** Why no certificate came back. */
export type ProbeCertificateError = z.infer<typeof probeCertificateErrorSchema>;

/** The certificate to trust for a server: the origin and fingerprint of a probe the admin confirmed. */
export const pinServerCertificateArgsSchema = z.object({ origin: z.string().min(1).max(300), fingerprint: fingerprintSchema });
/** The certificate to trust for a server. */
export type PinServerCertificateArgs = z.infer<typeof pinServerCertificateArgsSchema>;

/** Why a pin was not kept: not an https:// origin, a fingerprint main did not see on that server, or I/O. */
export const pinCertificateErrorSchema = z.object({ kind: z.enum(['badOrigin', 'notProbed', 'io']), message: z.string() });
/** Why a pin was not kept. */
export type PinCertificateError = z.infer<typeof pinCertificateErrorSchema>;

/** A kept pin. */
export const pinnedSchema = z.object({});
/** A kept pin. */
export type Pinned = z.infer<typeof pinnedSchema>;
