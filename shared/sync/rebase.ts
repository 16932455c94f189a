/*
 * Rebase of a pulled server record onto the local copy (docs/architecture.md#sync). The server's record wins for every
 * field except the ones a local mutation changed that the server has not applied yet as of the pulled
 * version: those keep the local value, so a pull never overwrites work that is still on its way. A mutation
 * protects its fields while it is pending or sent, and after its acknowledgement for pulls of older versions
 * (the pulled copy predates it). Client timestamps play no part.
 */
import type { OutboxMutation } from './outbox';

/** Bookkeeping fields: never compared as content and never protected. */
export const SYNC_BOOKKEEPING = ['version', 'updatedAt', 'updatedBy'] as const;

/** The fields local mutations keep out of reach of a server copy at `version`. */
export function protectedFields(
  mutations: readonly Pick<OutboxMutation, 'state' | 'changes' | 'ackedVersion'>[],
  version: number,
): Set<string> {
  const fields = new Set<string>();
  for (const m of mutations) {
    const unapplied = m.state === 'pending' || m.state === 'sent' || (m.state === 'acked' && (m.ackedVersion ?? 0) > version);
    if (unapplied) for (const key of Object.keys(m.changes)) fields.add(key);
  }
  return fields;
}

/** A server record as pulled. */
export interface PulledRecord {
  readonly version: number;
  readonly deleted: boolean;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The merged record and the content fields that differ from the local copy (empty: only the version moved). */
export interface Rebased {
  readonly record: Record<string, unknown>;
  readonly changed: readonly string[];
}

/**
 * Merges a pulled record into the local one: local fields the server does not know survive, server fields
 * win, protected fields keep their local value; `version` becomes the server's and `deleted` follows the
 * server unless a local delete or restore is still on its way.
 */
export function rebaseRecord(
  local: Readonly<Record<string, unknown>> | undefined,
  pulled: PulledRecord,
  protect: ReadonlySet<string>,
): Rebased {
  const record: Record<string, unknown> = { ...(local ?? {}), ...pulled.data };
  if (local) for (const key of protect) if (key in local) record[key] = local[key];
  if (!(local && protect.has('deleted'))) record.deleted = pulled.deleted;
  record.version = pulled.version;
  const ignore: readonly string[] = SYNC_BOOKKEEPING;
  const changed = Object.keys(record).filter(
    (key) => !ignore.includes(key) && JSON.stringify(record[key]) !== JSON.stringify(local?.[key]),
  );
  return { record, changed };
}
