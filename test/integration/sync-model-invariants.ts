// The invariants of the sync model test, checked after quiescence. The conflict check replays the server's
// mutation log (in the order applied) through a small reference model of the per-field rule (docs/sync-server.md, "Conflicts").
import { expect } from 'vitest';
import type { LoggedMutation } from '../../server/store/store';
import { sameValue } from '../../shared/sync/same-value';
import type { Invoice, InvoiceId } from '../../shared/domain/invoice';
import type { Conflict, RecordChange, WireMutation } from '../../shared/sync/protocol';
import type { InvoiceRepository } from '../../renderer/db/invoice-repository';
import type { LedgerDb } from '../../renderer/db/db';
import type { SyncRepository } from '../../renderer/db/sync-repository';

/** How many times each invariant was checked. */
export interface Tally {
  loggedOnce: number;
  recordsEqual: number;
  fieldsEqual: number;
  concurrentEdits: number;
  conflictRecords: number;
  resolved: number;
  versionsChecked: number;
}

interface PcView {
  readonly deviceId: string;
  readonly db: LedgerDb;
  readonly invoices: InvoiceRepository;
  readonly store: SyncRepository;
}

interface ServerView {
  readonly records: Map<string, RecordChange>;
  readonly conflicts: Conflict[];
  readonly version: number;
}

interface ModelRecord {
  data: Record<string, unknown>;
  meta: Map<string, { v: number; by: string }>;
}

/** Replays the log; returns the expected conflicts (device, record, field) and the versions that must exist. */
function replay(log: readonly LoggedMutation[], payload: (l: LoggedMutation) => WireMutation) {
  const records = new Map<string, ModelRecord>();
  const expected: string[] = [];
  const bumps: number[] = [];
  for (const row of [...log].sort((a, b) => a.seq - b.seq)) {
    expect(row.status, `mutation ${row.deviceId}#${row.mutationId} was rejected: ${row.reason ?? ''}`).not.toBe('rejected');
    const m = payload(row);
    const want: Record<string, unknown> = m.op === 'delete' ? { ...m.changes, deleted: true } : { ...m.changes };
    const rec = records.get(m.entityId);
    // Another device changed `field` after this mutation's base version: this device could not have seen it.
    const foreign = (field: string) => {
      const meta = rec?.meta.get(field);
      return meta !== undefined && meta.v > m.baseVersion && meta.by !== row.deviceId;
    };
    const apply: Record<string, unknown> = {};
    const conflicts: string[] = [];
    if (rec && m.op === 'delete' && rec.data['deleted'] !== true && [...rec.meta.keys()].some(foreign)) {
      conflicts.push('*');
    } else if (rec && m.op === 'upsert' && rec.data['deleted'] === true && foreign('deleted')) {
      conflicts.push('*');
    } else {
      for (const [field, value] of Object.entries(want)) {
        if (rec && sameValue(rec.data[field], value)) continue;
        if (foreign(field)) conflicts.push(field);
        else apply[field] = value;
      }
    }
    for (const field of conflicts) expected.push(JSON.stringify([row.deviceId, m.entityId, field]));
    if (!rec || Object.keys(apply).length > 0 || conflicts.length > 0) {
      expect(row.version, `version of ${row.deviceId}#${row.mutationId}`).toBeGreaterThan(Math.max(0, ...bumps));
      bumps.push(row.version ?? -1);
      const next: ModelRecord = rec ?? { data: {}, meta: new Map() };
      for (const [field, value] of Object.entries(apply)) {
        next.data[field] = value;
        next.meta.set(field, { v: row.version ?? -1, by: row.deviceId });
      }
      records.set(m.entityId, next);
    }
  }
  return { records, expected, bumps };
}

/** Checks every invariant; throws (via expect) on the first broken one. */
export async function checkInvariants(
  pcs: readonly PcView[],
  view: ServerView,
  log: readonly LoggedMutation[],
  payload: (l: LoggedMutation) => WireMutation,
): Promise<Tally> {
  const tally: Tally = { loggedOnce: 0, recordsEqual: 0, fieldsEqual: 0, concurrentEdits: 0, conflictRecords: 0, resolved: 0, versionsChecked: 0 };

  // 1. Every committed local change is in the server's log exactly once.
  for (const pc of pcs) {
    const counter = await pc.db.meta.get('nextMutationId');
    const made = typeof counter?.value === 'number' ? counter.value - 1 : 0;
    const logged = log.filter((l) => l.deviceId === pc.deviceId).map((l) => l.mutationId).sort((a, b) => a - b);
    expect(logged, `log of ${pc.deviceId}`).toEqual(Array.from({ length: made }, (_, k) => k + 1));
    for (const o of await pc.db.outbox.toArray()) {
      const row = log.find((l) => l.deviceId === pc.deviceId && l.mutationId === o.mutationId);
      expect(row && [row.entityId, row.op]).toEqual([o.entityId, o.op]);
    }
    expect(await pc.store.pendingCount()).toBe(0);
    tally.loggedOnce += made;
  }

  // 2. All devices equal the server.
  for (const pc of pcs) {
    const local = await pc.db.invoices.toArray();
    expect(local.map((r) => r.id).sort(), `records on ${pc.deviceId}`).toEqual([...view.records.keys()].sort());
    for (const rec of view.records.values()) {
      const inv = (await pc.invoices.get(rec.entityId as InvoiceId)) as Invoice & Record<string, unknown>;
      expect([inv.version, inv.deleted], `${rec.entityId} on ${pc.deviceId}`).toEqual([rec.version, rec.deleted]);
      for (const [field, value] of Object.entries(rec.data)) {
        expect(sameValue(inv[field], value), `${rec.entityId}.${field} on ${pc.deviceId}: ${JSON.stringify(inv[field])} vs ${JSON.stringify(value)}`).toBe(true);
        tally.fieldsEqual += 1;
      }
      tally.recordsEqual += 1;
    }
    expect(await pc.db.conflicts.count(), `conflicts on ${pc.deviceId}`).toBe(view.conflicts.length);
    expect((await pc.store.cursor()).cursor).toBe(view.version);
  }

  // 3. Every concurrent different edit of one field has a conflict record (and there are no others).
  const model = replay(log, payload);
  const actual = view.conflicts.map((c) => JSON.stringify([c.clientDeviceId, c.entityId, c.field]));
  expect([...actual].sort()).toEqual([...model.expected].sort());
  tally.concurrentEdits += model.expected.length;
  tally.conflictRecords += actual.length;
  for (const [id, rec] of model.records) {
    for (const [field, value] of Object.entries(rec.data)) expect(sameValue(view.records.get(id)?.data[field], value)).toBe(true);
  }

  // 4. Versions never skip. Each record write, new conflict and first resolution of a conflict took the next
  // version; a resolution replaced its conflict's version. So the versions still visible are distinct, within
  // 1..current, and the writes + conflicts + resolutions add up to exactly the current version.
  const resolved = view.conflicts.filter((c) => c.resolved).length;
  const visible = [...model.bumps, ...view.conflicts.map((c) => c.version)];
  expect(new Set(visible).size).toBe(visible.length);
  expect(visible.every((v) => v >= 1 && v <= view.version)).toBe(true);
  expect(model.bumps.length + view.conflicts.length + resolved).toBe(view.version);
  if (resolved === 0) expect([...visible].sort((x, y) => x - y)).toEqual(Array.from({ length: view.version }, (_, k) => k + 1));
  expect(model.bumps).toEqual([...model.bumps].sort((x, y) => x - y));
  tally.resolved += resolved;
  tally.versionsChecked += view.version;
  return tally;
}
