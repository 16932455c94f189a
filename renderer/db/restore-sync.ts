/*
 * Sync identity across a restore or import (docs/sync-and-restore.md). The server applies each (device,
 * mutation id) once and refuses gaps, so a restore must never hand out an id the server may already hold for
 * a different change (it would answer `duplicate` and the change would be silently lost), and must never leave
 * a hole in the ids it still has to send (409 gap, sync stuck).
 *
 * - This PC is enrolled (the current ledger has `sync.settings`): its identity, epoch and last success win and
 *   its whole outbox is carried over with the same ids (acked rows for re-sends after a server restore, pending
 *   rows because they fill the id sequence and may already be on the server). A restored mutation that is the
 *   SAME mutation as one of ours (same device, same id, same content) is kept once; one of ours that was acked
 *   and since forgotten stays acked. Every other unsettled restored mutation (pending, sent, rejected) is sent
 *   again as a NEW mutation numbered from the carried counter; the server's per-field rules make an identical
 *   value harmless and a different one a visible conflict. Other identities' acked rows are dropped.
 * - This PC is not enrolled (fresh PC): the backup's identity is not trusted (the old PC may have pushed more
 *   since), so it is dropped and the clerk enrolls this PC as a new device; the restored unsettled mutations are
 *   renumbered from 1 and sent as that device's mutations.
 * - Either way the pull cursor is 0, so the server's current state is pulled again over the restored rows.
 */
import type { OutboxMutation } from '../../shared/sync/outbox';
import type { MetaRow } from './db';
import { sameValue } from '../../shared/sync/same-value';

/** The mutation counter's meta key (renderer/db/journal.ts). */
export const COUNTER_KEY = 'nextMutationId';
const SETTINGS_KEY = 'sync.settings';
const CURSOR_KEY = 'sync.cursor';

/** True for meta rows that hold this PC's sync identity and position (never trusted from a backup). */
export function isSyncMeta(row: Pick<MetaRow, 'key'>): boolean {
  return row.key.startsWith('sync.') || row.key === COUNTER_KEY;
}

/** The current ledger's sync state, read just before the restored ledger is swapped in. */
export interface CurrentSync {
  /** Its sync meta rows (isSyncMeta). */
  readonly meta: readonly MetaRow[];
  readonly outbox: readonly OutboxMutation[];
}

/** The restored ledger's meta and outbox rows after the rule above. */
export interface CarriedSync {
  readonly meta: MetaRow[];
  readonly outbox: Record<string, unknown>[];
}

type Row = Readonly<Record<string, unknown>>;

function valueOf(rows: readonly Pick<MetaRow, 'key' | 'value'>[], key: string): unknown {
  return rows.find((r) => r.key === key)?.value;
}

function identity(value: unknown): { deviceId: string; serverUrl: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { deviceId, serverUrl } = value as { deviceId?: unknown; serverUrl?: unknown };
  return typeof deviceId === 'string' && deviceId !== '' && typeof serverUrl === 'string' ? { deviceId, serverUrl } : null;
}

function counter(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

const unsettled = (row: Row) => row.state === 'pending' || row.state === 'sent' || row.state === 'rejected';

function sameMutation(a: Row, b: Row): boolean {
  // Exports sort object keys, so a restored row is compared with key order ignored.
  const content = (r: Row) => [r.entity, r.entityId, r.op, r.baseVersion, r.changes, r.baseValues, r.createdAt, r.resolves];
  return sameValue(content(a), content(b));
}

/** A restored mutation queued again under a new id, without the old verdict. */
function requeued(row: Row, mutationId: number): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { ackedAt, ackedVersion, rejectedReason, ...rest } = row;
  return { ...rest, mutationId, state: 'pending' };
}

/** Applies the restore rule to the restored meta and outbox rows (pure). */
export function carrySync(current: CurrentSync, restored: { meta: readonly Row[]; outbox: readonly Row[] }): CarriedSync {
  const restoredMeta = restored.meta as unknown as readonly MetaRow[];
  const meta = restoredMeta.filter((r) => !isSyncMeta(r));
  const ours = identity(valueOf(current.meta, SETTINGS_KEY));
  const theirs = identity(valueOf(restoredMeta, SETTINGS_KEY));
  const sameDevice = ours !== null && theirs?.deviceId === ours.deviceId && theirs.serverUrl === ours.serverUrl;
  const currentNext = ours ? counter(valueOf(current.meta, COUNTER_KEY)) : 1;
  let next = sameDevice ? Math.max(currentNext, counter(valueOf(restoredMeta, COUNTER_KEY))) : currentNext;
  const outbox: Record<string, unknown>[] = ours ? current.outbox.map((m) => ({ ...m })) : [];
  const byId = new Map<number, Row>(ours ? current.outbox.map((m) => [m.mutationId, m as unknown as Row]) : []);
  const fresh: Row[] = [];
  for (const row of restored.outbox) {
    const id = row.mutationId as number;
    const known = byId.get(id);
    if (sameDevice && known) {
      if (unsettled(row) && !sameMutation(row, known)) fresh.push(row);
    } else if (sameDevice && id < currentNext) {
      // Ours, acked long ago and forgotten here (only acked rows are ever deleted): the server has it.
      outbox.push(unsettled(row) ? { ...requeued(row, id), state: 'acked' } : { ...row });
    } else if (unsettled(row)) {
      fresh.push(row);
    }
  }
  for (const row of fresh) outbox.push(requeued(row, next++));
  outbox.sort((a, b) => (a.mutationId as number) - (b.mutationId as number));
  if (ours) {
    meta.push(...current.meta.filter((r) => r.key.startsWith('sync.') && r.key !== CURSOR_KEY), { key: CURSOR_KEY, value: 0 });
  }
  if (outbox.length > 0 || ours) meta.push({ key: COUNTER_KEY, value: next });
  meta.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { meta, outbox };
}
