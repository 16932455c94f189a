/*
 * Which IndexedDB database is the ledger. A restore writes a new database and then only moves this pointer, so the
 * swap is one localStorage write; the previous database is kept until the clerk confirms the restored ledger.
 */
import { DB_NAME } from './schema';

/** The part of localStorage the pointer needs (injected in tests). */
export type PointerStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const ACTIVE_KEY = 'fapiao.ledger.active';
const PREVIOUS_KEY = 'fapiao.ledger.previous';
const NAME = /^fapiao-desk(-restored-\d+)?$/;

function browserStorage(): PointerStorage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

/** The name of the database the app opens. */
export function activeLedgerName(storage: PointerStorage | null = browserStorage()): string {
  const name = storage?.getItem(ACTIVE_KEY);
  return name && NAME.test(name) ? name : DB_NAME;
}

/** A fresh database name for a restore. */
export function restoredLedgerName(now: number): string {
  return `${DB_NAME}-restored-${now}`;
}

/** A swapped-in restore the clerk has not confirmed yet: the database it replaced is still kept. */
export interface PendingSwap {
  readonly active: string;
  readonly previous: string;
}

/** The restore waiting for confirmation, if any. */
export function pendingSwap(storage: PointerStorage | null = browserStorage()): PendingSwap | null {
  const previous = storage?.getItem(PREVIOUS_KEY);
  return previous && NAME.test(previous) ? { active: activeLedgerName(storage), previous } : null;
}

/** Makes `name` the ledger and remembers the one it replaces (refused while another restore awaits confirmation). */
export function swapIn(name: string, storage: PointerStorage | null = browserStorage()): boolean {
  if (!storage || pendingSwap(storage) || !NAME.test(name)) return false;
  storage.setItem(PREVIOUS_KEY, activeLedgerName(storage));
  storage.setItem(ACTIVE_KEY, name);
  return true;
}

/** Keeps the restored ledger; returns the replaced database's name, now to be deleted. */
export function confirmSwap(storage: PointerStorage | null = browserStorage()): string | null {
  const pending = pendingSwap(storage);
  if (!pending) return null;
  storage?.removeItem(PREVIOUS_KEY);
  return pending.previous;
}

/** Goes back to the replaced ledger; returns the restored database's name, now to be deleted. */
export function undoSwap(storage: PointerStorage | null = browserStorage()): string | null {
  const pending = pendingSwap(storage);
  if (!pending || !storage) return null;
  storage.setItem(ACTIVE_KEY, pending.previous);
  storage.removeItem(PREVIOUS_KEY);
  return pending.active;
}
