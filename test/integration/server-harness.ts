// Shared setup for the server integration tests: each backend (SQLite in a temp dir, PostgreSQL in a fresh schema)
// and a small typed client for the API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { hashSecret, normalizeEnrollmentCode } from '../../server/auth';
import { PgStore } from '../../server/store/pg-store';
import { SqliteStore } from '../../server/store/sqlite-store';
import type { SyncStore } from '../../server/store/store';
import type { PushResponse, RecordChange, SyncEntity, WireMutation } from '../../shared/sync/protocol';

/** A storage backend the same suite runs against. */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** Opens a fresh, empty store. `env` is what a child-process server needs to open the same database. */
  fresh(): Promise<{ store: SyncStore; env: Record<string, string>; reopen: () => Promise<SyncStore>; cleanup: () => Promise<void> }>;
}

const pgUrl = process.env['FAPIAO_TEST_DATABASE_URL'];
const requirePg = process.env['FAPIAO_REQUIRE_PG'] === '1';

/** Why the PostgreSQL suite does not run, or undefined when it does. */
export const pgSkipReason: string | undefined =
  pgUrl === undefined || pgUrl === '' ? 'FAPIAO_TEST_DATABASE_URL is not set (see .ci/run for how CI starts PostgreSQL)' : undefined;

/** True when the PostgreSQL suite must run (CI): a missing database is then a failure, not a skip. */
export const pgRequired = requirePg;

const sqlite: Backend = {
  name: 'sqlite',
  fresh: () => {
    const dir = mkdtempSync(join(tmpdir(), 'fapiao-sync-'));
    return Promise.resolve({
      store: SqliteStore.open(dir),
      env: { FAPIAO_DATA_DIR: dir },
      reopen: () => Promise.resolve(SqliteStore.open(dir)),
      cleanup: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

let schemaCounter = 0;
const postgres: Backend = {
  name: 'postgres',
  fresh: async () => {
    const url = pgUrl ?? '';
    schemaCounter += 1;
    const schema = `t_${process.pid}_${Date.now().toString(36)}_${schemaCounter}`;
    const separator = url.includes('?') ? '&' : '?';
    return {
      store: await PgStore.open({ connectionString: url, schema }),
      env: { DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
      reopen: () => PgStore.open({ connectionString: url, schema }),
      cleanup: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  },
};

/** The backends to run: SQLite always, PostgreSQL when configured (or required). */
export function backends(): Backend[] {
  if (pgSkipReason !== undefined) {
    if (!requirePg) console.log(`PostgreSQL suite skipped: ${pgSkipReason}`);
    return [sqlite];
  }
  return [sqlite, postgres];
}

/** Registers an enrollment code directly in the store, as FAPIAO_ENROLLMENT_CODE does at startup. */
export async function addCode(store: SyncStore, code: string): Promise<void> {
  await store.addEnrollmentCode(hashSecret(normalizeEnrollmentCode(code)), new Date().toISOString());
}

/** An HTTP answer: status and parsed JSON (or undefined when the body is not JSON). */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A raw request to the API. */
export async function call(base: string, method: string, path: string, init: { token?: string; body?: unknown; raw?: string | Uint8Array<ArrayBuffer> } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined = init.raw;
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`${base}/api/v1${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}

/** An enrolled device talking to one server. */
export class Device {
  constructor(readonly base: string, readonly deviceId: string, readonly token: string, public epoch: string) {}

  static async enroll(base: string, code: string, name = 'test device'): Promise<Device> {
    const enrolled = await call(base, 'POST', '/devices', { body: { enrollmentCode: code, deviceName: name } });
    if (enrolled.status !== 201) throw new Error(`enroll failed: ${JSON.stringify(enrolled)}`);
    const health = await call(base, 'GET', '/health');
    return new Device(base, String(enrolled.body['deviceId']), String(enrolled.body['token']), String(health.body['epoch']));
  }

  push(mutations: readonly WireMutation[]): Promise<Answer> {
    return call(this.base, 'POST', '/sync/push', { token: this.token, body: { deviceId: this.deviceId, epoch: this.epoch, mutations } });
  }

  /** A pull; without `entities`, as a client from before issue #11 asks (invoices only). */
  pull(since = 0, limit = 1000, entities?: readonly string[]): Promise<Answer> {
    const body = { deviceId: this.deviceId, epoch: this.epoch, since, limit, ...(entities ? { entities } : {}) };
    return call(this.base, 'POST', '/sync/pull', { token: this.token, body });
  }
}

/** A mutation with defaults: an upsert of invoice `entityId` against version 0. */
export function mutation(id: number, entityId: string, over: Partial<WireMutation> = {}): WireMutation {
  return { id, entity: 'invoice', entityId, op: 'upsert', baseVersion: 0, changes: {}, baseValues: {}, ...over };
}

/** A well-formed user record's fields (issue #13); the hash is a placeholder in Argon2id's PHC form. */
export function userChanges(id: string, login: string, role: 'clerk' | 'auditor' | 'admin', over: Record<string, unknown> = {}): Record<string, unknown> {
  const at = '2026-03-01T08:00:00.000Z';
  return {
    id, login, displayName: login, role, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    mustChangePassword: false, recoveryHash: '', disabled: false, createdBy: login, createdAt: at, updatedBy: login, updatedAt: at,
    deleted: false, ...over,
  };
}

/** A device pushing straight into a store (no HTTP): numbers its mutations 1, 2, 3, … itself. */
export class StorePusher {
  private nextId = 1;

  constructor(private readonly store: SyncStore, readonly deviceId: string) {}

  /** Pushes `mutations` (ids assigned here) and returns their results; throws on a gap or epoch change. */
  async push(mutations: readonly Omit<WireMutation, 'id'>[]): Promise<PushResponse['results']> {
    const numbered = mutations.map((m) => ({ ...m, id: this.nextId++ }));
    const outcome = await this.store.push(this.deviceId, { deviceId: this.deviceId, epoch: await this.store.epoch(), mutations: numbered }, new Date().toISOString());
    if (outcome.kind !== 'ok') throw new Error(`push failed: ${JSON.stringify(outcome)}`);
    return outcome.response.results;
  }

  /** Pushes one mutation and returns its result. */
  async one(m: Omit<WireMutation, 'id'>): Promise<PushResponse['results'][number]> {
    const [result] = await this.push([m]);
    if (!result) throw new Error('no result');
    return result;
  }
}

/** The record a store holds now (a pull from 0 of that entity), or undefined. */
export async function storedRecord(store: SyncStore, entity: SyncEntity, entityId: string): Promise<RecordChange | undefined> {
  const outcome = await store.pull('reader', await store.epoch(), 0, 5000, [entity]);
  if (outcome.kind !== 'ok') throw new Error('pull failed');
  return outcome.response.changes.find((c) => c.entityId === entityId);
}
