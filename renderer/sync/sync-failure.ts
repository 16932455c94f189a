import type { SyncErrorCode } from '../../shared/sync/protocol';
import type { AddressProblem } from '../../shared/sync/server-address';

/**
 * Why a sync step did not complete. Expected failures are values (docs/architecture.md#expected-failures-are-values); each kind has a
 * plain-words message `sync.error.<kind>` in the sync catalogue.
 */
export type SyncFailure =
  | { readonly kind: 'notEnrolled' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'server'; readonly status: number }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'badEnrollment' }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'lost'; readonly fromId: number }
  | { readonly kind: 'protocol'; readonly detail: string }
  | { readonly kind: 'gap'; readonly expectedId: number }
  | { readonly kind: 'epochChanged'; readonly epoch: string; readonly lastMutationId: number }
  | { readonly kind: 'stopped' }
  /** The server refused this PC's audit chain: entry `seq` does not continue what it holds (`lastSeq`), for `reason`. */
  | { readonly kind: 'auditBroken'; readonly seq: number; readonly reason: 'gap' | 'link' | 'hash' | 'fork'; readonly lastSeq: number | null }
  /** Not an http(s) address. */
  | { readonly kind: 'badUrl' }
  /** Plain HTTP to a host that is not this PC, while the admin has not allowed it: nothing was sent. */
  | { readonly kind: 'plainHttp'; readonly host: string }
  /** The server presents a certificate other than the one pinned at enrollment: nothing was sent. Colon-hex fingerprints. */
  | { readonly kind: 'certificateChanged'; readonly pinned: string; readonly presented: string }
  /** Enrollment could not read the server's certificate (the probe's reason). */
  | { readonly kind: 'noCertificate'; readonly reason: 'unreachable' | 'timeout' | 'noCertificate' | 'other' }
  /** The device token kept on this PC cannot be read any more (another OS account, a reset keyring): enroll again. */
  | { readonly kind: 'tokenLost' }
  /** This PC could not keep the device token or the certificate pin (the host's storage refused). */
  | { readonly kind: 'notKept'; readonly detail: string }
  /** The signed-in user's role may not change the server connection; `needs` names the roles that may. */
  | { readonly kind: 'notAllowed'; readonly needs: readonly string[] };

/** The failure for a server error code that the engine does not handle itself. */
export function failureFromCode(code: SyncErrorCode, status: number, message: string): SyncFailure {
  switch (code) {
    case 'unauthorized': return { kind: 'unauthorized' };
    case 'forbidden': return { kind: 'forbidden' };
    case 'bad_enrollment': return { kind: 'badEnrollment' };
    case 'too_large': return { kind: 'tooLarge' };
    case 'internal': return { kind: 'server', status };
    default: return { kind: 'protocol', detail: `${code}: ${message}` };
  }
}

/** The failure for an address the plain-HTTP rule refuses. */
export function addressFailure(problem: AddressProblem): SyncFailure {
  return problem.kind === 'plainHttp' ? { kind: 'plainHttp', host: problem.host } : { kind: 'badUrl' };
}

const PERSON_KINDS: ReadonlySet<SyncFailure['kind']> = new Set([
  'unauthorized', 'forbidden', 'notEnrolled', 'lost', 'tooLarge', 'badUrl', 'plainHttp', 'certificateChanged', 'tokenLost', 'notAllowed', 'auditBroken',
]);

/** Failures that retrying soon cannot fix (the clerk or the administrator must act). */
export function needsPerson(f: SyncFailure): boolean {
  return PERSON_KINDS.has(f.kind);
}
