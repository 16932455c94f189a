/*
 * An in-memory office server speaking shared/sync/protocol.ts, for engine tests (it is not the real server,
 * which lives in server/). It follows docs/sync-server.md: ids applied once in order (duplicate / 409 gap), one
 * version counter for records and conflicts, per-field conflicts against other devices' changes since the
 * mutation's base version, a delete racing an update is a conflict, epoch change on restore. Faults are
 * queued with `inject` and hit the next matching request.
 */
import {
  auditPushRequestSchema, pullRequestSchema, pushRequestSchema, type Conflict, type MutationResult, type RecordChange, type WireAuditEntry, type WireMutation,
} from '../../shared/sync/protocol';
import { GENESIS_HASH, hashEntry } from '../../shared/audit/audit-chain';
import { sameValue } from '../../shared/sync/same-value';

/** A fault for the next matching request. */
export type Fault = 'dropBefore' | 'dropAfter' | 'http502' | 'hang';

interface ServerRecord { version: number; deleted: boolean; data: Record<string, unknown>; fields: Map<string, { version: number; device: string }>; deletedBy: { version: number; device: string } | null }

interface State {
  epoch: string;
  version: number;
  records: Map<string, ServerRecord>;
  conflicts: Conflict[];
  lastMutation: Map<string, number>;
  log: { device: string; id: number; status: MutationResult['status'] }[];
  blobs: Map<string, Blob>;
  /** Each device's audit chain as pushed (append-only). */
  audit: Map<string, WireAuditEntry[]>;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string, extra: Record<string, unknown> = {}) => json(status, { error: { code, message: code }, ...extra });
// Key order does not matter, as in server/sync/same-value.ts (a restored record's objects come back key-sorted).

/** The fake server: its `fetch`, its state, and fault and restore controls. */
export function createFakeServer(options: { rejectIf?: (m: WireMutation) => string | null; at?: () => string } = {}) {
  const at = options.at ?? (() => '2026-01-01T00:00:00.000Z');
  let state: State = { epoch: 'epoch-1', version: 0, records: new Map(), conflicts: [], lastMutation: new Map(), log: [], blobs: new Map(), audit: new Map() };
  const tokens = new Map<string, string>();
  const faults: { fault: Fault; path: string }[] = [];
  let requests = 0;

  const enroll = (deviceId: string): string => { const token = `token-${deviceId}`; tokens.set(token, deviceId); return token; };

  function apply(device: string, m: WireMutation): MutationResult {
    const reason = options.rejectIf?.(m) ?? null;
    if (reason !== null) return { id: m.id, status: 'rejected', reason };
    const rec: ServerRecord = state.records.get(m.entityId) ?? { version: 0, deleted: false, data: { id: m.entityId }, fields: new Map(), deletedBy: null };
    const foreignSince = (c: { version: number; device: string } | null | undefined) => !!c && c.version > m.baseVersion && c.device !== device;
    const conflicts: Omit<Conflict, 'id' | 'version'>[] = [];
    const base = { entity: 'invoice' as const, entityId: m.entityId, serverDeviceId: '', serverAt: at(), clientDeviceId: device, clientAt: at(), resolved: false, resolvedBy: null, resolvedAt: null };
    const racingDelete = m.op === 'delete' ? [...rec.fields.values()].some(foreignSince) : rec.deleted && foreignSince(rec.deletedBy);
    const changes: Record<string, unknown> = {};
    if (racingDelete) {
      conflicts.push({ ...base, field: '*', baseValue: null, serverValue: rec.deleted ? 'deleted' : rec.data, clientValue: m.op === 'delete' ? 'deleted' : m.changes });
    } else {
      for (const [field, value] of Object.entries(m.changes)) {
        const fv = rec.fields.get(field);
        if (fv && foreignSince(fv) && !sameValue(rec.data[field], value) && !m.resolves?.length) {
          conflicts.push({ ...base, field, baseValue: m.baseValues[field] ?? null, serverValue: rec.data[field] ?? null, clientValue: value, serverDeviceId: fv.device });
        } else changes[field] = value;
      }
    }
    const touched = Object.keys(changes).length > 0 || (m.op === 'delete' && !racingDelete);
    if (touched) {
      rec.version = ++state.version;
      for (const [field, value] of Object.entries(changes)) { rec.data[field] = value; rec.fields.set(field, { version: rec.version, device }); }
      if (m.op === 'delete' && !racingDelete) { rec.deleted = true; rec.deletedBy = { version: rec.version, device }; }
      if (m.op === 'upsert' && changes.deleted === false) rec.deleted = false;
      state.records.set(m.entityId, rec);
    }
    for (const c of conflicts) state.conflicts.push({ ...c, id: state.conflicts.length + 1, version: ++state.version });
    for (const id of m.resolves ?? []) {
      const c = state.conflicts.find((x) => x.id === id);
      if (c && !c.resolved) Object.assign(c, { resolved: true, resolvedBy: device, resolvedAt: at(), version: ++state.version });
    }
    return { id: m.id, status: conflicts.length > 0 ? 'conflict' : 'applied', version: rec.version };
  }

  /** The server's audit rule: entries it holds must come back identical; new ones must continue its chain. */
  function auditPush(device: string, entries: readonly WireAuditEntry[]): Response {
    const chain = state.audit.get(device) ?? [];
    const broken = (seq: number, reason: string) => error(409, 'audit_broken', { seq, reason, lastSeq: chain.length });
    for (const e of entries) {
      const held = chain[e.seq - 1];
      if (held) { if (held.hash !== e.hash) return broken(e.seq, 'fork'); continue; }
      if (e.seq !== chain.length + 1) return broken(chain.length + 1, 'gap');
      if (e.prevHash !== (chain.at(-1)?.hash ?? GENESIS_HASH)) return broken(e.seq, 'link');
      const { device: by, ...rest } = e;
      if (hashEntry(by === undefined ? rest : { ...rest, device: by }, e.seq, e.prevHash) !== e.hash) return broken(e.seq, 'hash');
      chain.push(e);
    }
    state.audit.set(device, chain);
    return json(200, { lastSeq: chain.length });
  }

  function handle(method: string, path: string, body: unknown, device: string | undefined): Response {
    if (path === '/api/v1/health') return json(200, { ok: true, version: 'fake', epoch: state.epoch });
    if (path === '/api/v1/devices' && method === 'POST') {
      const b = body as { enrollmentCode?: string; deviceName?: string };
      if (b.enrollmentCode !== 'CODE') return error(401, 'bad_enrollment');
      const deviceId = `dev-${tokens.size + 1}`;
      return json(200, { deviceId, token: enroll(deviceId) });
    }
    if (device === undefined) return error(401, 'unauthorized');
    const blob = /^\/api\/v1\/blobs\/([0-9a-f]{64})$/.exec(path);
    if (blob?.[1]) { state.blobs.set(blob[1], body as Blob); return json(200, {}); }
    if (path === '/api/v1/sync/push') {
      const req = pushRequestSchema.parse(body);
      if (req.deviceId !== device) return error(403, 'forbidden');
      const last = state.lastMutation.get(device) ?? 0;
      if (req.epoch !== state.epoch) return error(409, 'epoch_changed', { epoch: state.epoch, lastMutationId: last });
      const fresh = req.mutations.filter((m) => m.id > last);
      if (fresh[0] && fresh[0].id !== last + 1) return error(409, 'gap', { expectedId: last + 1 });
      const results = req.mutations.map((m) => {
        const prev = state.lastMutation.get(device) ?? 0;
        if (m.id <= prev) return { id: m.id, status: 'duplicate' as const };
        const r = apply(device, m);
        state.lastMutation.set(device, m.id);
        state.log.push({ device, id: m.id, status: r.status });
        return r;
      });
      return json(200, { lastMutationId: state.lastMutation.get(device) ?? 0, results });
    }
    if (path === '/api/v1/audit/push') {
      const req = auditPushRequestSchema.parse(body);
      if (req.deviceId !== device) return error(403, 'forbidden');
      return auditPush(device, req.entries);
    }
    if (path === '/api/v1/sync/pull') {
      const req = pullRequestSchema.parse(body);
      if (req.epoch !== state.epoch) return error(409, 'epoch_changed', { epoch: state.epoch, lastMutationId: state.lastMutation.get(device) ?? 0 });
      const items = [
        ...[...state.records].map(([entityId, r]): RecordChange => ({ entity: 'invoice', entityId, version: r.version, deleted: r.deleted, data: { ...r.data } })),
        ...state.conflicts,
      ].filter((x) => x.version > req.since).sort((a, b) => a.version - b.version);
      const page = items.slice(0, req.limit);
      const hasMore = items.length > page.length;
      return json(200, {
        epoch: state.epoch, version: hasMore ? page.at(-1)?.version ?? req.since : state.version, hasMore,
        changes: page.filter((x): x is RecordChange => 'deleted' in x), conflicts: page.filter((x): x is Conflict => 'field' in x),
      });
    }
    return error(404, 'not_found');
  }

  const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    requests++;
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const device = tokens.get((headers.get('authorization') ?? '').replace(/^Bearer /, ''));
    const body: unknown = init?.body instanceof Blob ? init.body : typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const i = faults.findIndex((f) => url.pathname.includes(f.path));
    const fault = i >= 0 ? faults.splice(i, 1)[0]?.fault : undefined;
    await Promise.resolve();
    if (fault === 'hang') {
      return new Promise((_, reject) => { init?.signal?.addEventListener('abort', () => { reject(new DOMException('aborted', 'AbortError')); }); });
    }
    if (fault === 'dropBefore') throw new TypeError('connection reset');
    if (fault === 'http502') return new Response('<html>Bad Gateway</html>', { status: 502 });
    const res = handle(method, url.pathname, body, device);
    if (fault === 'dropAfter') throw new TypeError('connection reset after commit');
    return res;
  };

  return {
    fetch: fakeFetch,
    enroll,
    /** Queues a fault for the next request whose path contains `path`. */
    inject(fault: Fault, path = '/api/v1/') { faults.push({ fault, path }); },
    /** A copy of the whole server state (a backup). */
    snapshot: (): State => structuredClone(state),
    /** Restores a backup under a new epoch. */
    restore(snap: State, epoch: string) { state = { ...structuredClone(snap), epoch }; },
    get state(): State { return state; },
    get requests() { return requests; },
  };
}
