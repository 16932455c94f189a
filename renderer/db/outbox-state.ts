import { Dexie } from 'dexie';
import type { OutboxMutation } from '../../shared/sync/outbox';
import type { LedgerDb } from './db';

/** The outbox rows in one state, in mutation-id order (through the [state+mutationId] index). */
export function outboxIn(db: LedgerDb, state: OutboxMutation['state']) {
  return db.outbox.where('[state+mutationId]').between([state, Dexie.minKey], [state, Dexie.maxKey]);
}
