/*
 * Tamper-evident audit log: every entry stores the hash of the previous entry and its own hash over
 * (canonical JSON of its content + prevHash). Changing, removing or reordering any entry breaks every
 * later hash, which verifyChain reports with the first bad sequence number.
 *
 * SHA-256 is computed synchronously (@noble/hashes, or hash-wasm's hasher once prepareAuditHashing loaded it) on
 * purpose: the entry is written inside the same IndexedDB transaction as the record, and awaiting WebCrypto there
 * would let the transaction commit early.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { createSHA256, type IHasher } from 'hash-wasm';
import { canonicalJson } from './canonical-json';

/**
 * What an audit entry says happened. Record changes: create, update (fields before/after), status, delete (to the
 * recycle bin), restore (from it), purge (permanent delete), sync (a change pulled from the server), import (a
 * ledger file: its name, SHA-256 and count). Events that change no synced record (issue #13): export, backup,
 * backupVerify, backupRestore, reconcile (a run), signIn, signOut, signInFailed, lockout, refused (a permission
 * refusal: the action and the role it needs), auditVerify, auditExport.
 */
export const AUDIT_ACTIONS = [
  'create', 'update', 'status', 'delete', 'restore', 'purge', 'sync', 'import',
  'export', 'backup', 'backupVerify', 'backupRestore', 'reconcile',
  'signIn', 'signOut', 'signInFailed', 'lockout', 'refused', 'auditVerify', 'auditExport',
] as const;
/** One of AUDIT_ACTIONS. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The content of an audit entry, before it is chained. */
export interface AuditContent {
  readonly at: string;
  /** The signed-in user's login ('sync' for changes pulled from the server, 'clerk' in entries from before sign-in). */
  readonly user: string;
  /**
   * The device that wrote the entry (this install's id and name, issue #13). Absent in entries written before
   * issue #13; the hash covers it only when present, so those entries still verify.
   */
  readonly device?: string;
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A chained audit entry as stored. */
export interface AuditEntry extends AuditContent {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** The prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

let wasmSha256: IHasher | undefined;

/**
 * Loads a WebAssembly SHA-256 for the hashes that follow (about twice as fast as the JavaScript one, which matters
 * when an import chains 50,000 entries). Optional: the hashes are the same either way; until it is loaded, and
 * wherever WebAssembly is unavailable, the JavaScript one is used.
 */
export async function prepareAuditHashing(): Promise<void> {
  try {
    wasmSha256 ??= await createSHA256();
  } catch {
    // No WebAssembly here: keep the JavaScript hash.
  }
}

function sha256Hex(text: string): string {
  if (!wasmSha256) return bytesToHex(sha256(utf8ToBytes(text)));
  wasmSha256.init();
  wasmSha256.update(text);
  return wasmSha256.digest('hex');
}

/** Hash of an entry's content chained to the previous hash. */
export function hashEntry(content: AuditContent, seq: number, prevHash: string): string {
  return sha256Hex(canonicalJson({ ...pickContent(content), seq, prevHash }));
}

/** Makes the next entry of the chain after `prev` (or the first one when prev is undefined). */
export function chainEntry(content: AuditContent, prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined): AuditEntry {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  return { ...pickContent(content), seq, prevHash, hash: hashEntry(content, seq, prevHash) };
}

/** Result of checking a chain: ok, or the first entry whose link or hash is wrong. */
export type ChainCheck =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly seq: number; readonly reason: 'hash' | 'link' | 'gap' };

/**
 * Verifies entries given in seq order: from the first entry of the chain, or continuing after `after` (the entry
 * before the first one given: a range that starts later, as an audit export of part of a chain).
 */
export function verifyChain(entries: Iterable<AuditEntry>, after?: Pick<AuditEntry, 'seq' | 'hash'>): ChainCheck {
  let prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined = after;
  let count = 0;
  for (const e of entries) {
    if (prev && e.seq !== prev.seq + 1) return { ok: false, seq: e.seq, reason: 'gap' };
    if (e.prevHash !== (prev ? prev.hash : GENESIS_HASH)) return { ok: false, seq: e.seq, reason: 'link' };
    if (hashEntry(e, e.seq, e.prevHash) !== e.hash) return { ok: false, seq: e.seq, reason: 'hash' };
    prev = e;
    count++;
  }
  return { ok: true, count };
}

function pickContent(c: AuditContent): AuditContent {
  const content = { at: c.at, user: c.user, action: c.action, entity: c.entity, entityId: c.entityId, before: c.before, after: c.after };
  return c.device === undefined ? content : { ...content, device: c.device };
}
