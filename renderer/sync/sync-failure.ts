import type { SyncErrorCode } from '../../shared/sync/protocol';

/**
 * Why a sync step did not complete. Expected failures are values (CONVENTIONS §12); each kind has a
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
  | { readonly kind: 'auditBroken'; readonly seq: number; readonly reason: 'gap' | 'link' | 'hash' | 'fork'; readonly lastSeq: number | null };

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

/** Failures that retrying soon cannot fix (the clerk or the administrator must act). */
export function needsPerson(f: SyncFailure): boolean {
  return f.kind === 'unauthorized' || f.kind === 'forbidden' || f.kind === 'notEnrolled' || f.kind === 'lost' || f.kind === 'tooLarge' || f.kind === 'auditBroken';
}
