import { randomUUID } from 'node:crypto';

/** A fresh epoch id: a new one marks a database restored from a backup, so devices re-send and re-pull. */
export function newEpochId(): string {
  return randomUUID();
}
