import type { InvoiceId } from '../../shared/domain/invoice';
import type { Actor } from '../../shared/auth/roles';

/**
 * Who writes, from which device and when: passed in so tests control the clock, ids and the signed-in user
 * (docs/architecture.md#injected-clocks-and-services). In the app `user` and `actor` follow the session (sign-in, sign-out, switch user), so they are
 * read at write time, never cached.
 */
export interface WriteContext {
  /** The signed-in user's login, as audit entries and records name it ('' when nobody is signed in). */
  readonly user: string;
  /** The signed-in user and role, or null when nobody is signed in: what the permission checks look at. */
  readonly actor: () => Actor | null;
  /** This install, as audit entries name it: "<device name> · <short id>". */
  readonly device: string;
  readonly now: () => string;
  readonly newId: () => InvoiceId;
}

/** A context with a fixed actor (tests, and tools that act as one user). */
export function fixedContext(actor: Actor | null, device: string, now: () => string, newId: () => InvoiceId): WriteContext {
  return { user: actor?.login ?? '', actor: () => actor, device, now, newId };
}
