/*
 * The signed-in user of this window (issue #13), as the repositories read it at write time. The sign-in feature
 * sets it; nothing else may. Not persisted: a reload signs the user out.
 */
import type { Actor } from '../../shared/auth/roles';

let current: Actor | null = null;
const listeners = new Set<() => void>();

/** The signed-in actor, or null. */
export function sessionActor(): Actor | null {
  return current;
}

/** Sets (or with null clears) the signed-in actor and tells subscribers. */
export function setSessionActor(actor: Actor | null): void {
  current = actor;
  for (const l of listeners) l();
}

/** Calls `onChange` whenever the actor changes; returns the unsubscribe. */
export function subscribeSession(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => { listeners.delete(onChange); };
}
