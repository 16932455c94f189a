/**
 * The server's tables (docs/sync-server.md, "Tables"), one definition for SQLite and PostgreSQL: INTEGER/BIGINT and
 * BLOB/BYTEA are the only differences. JSON is stored as TEXT in both so both read back the same values.
 */
export function schemaSql(dialect: 'sqlite' | 'postgres'): string[] {
  const int = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  const bytes = dialect === 'sqlite' ? 'BLOB' : 'BYTEA';
  const serial = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY';
  // mutation_log.seq is the order the server applied mutations in (writers are serialised, so no gaps).
  return [
    `CREATE TABLE IF NOT EXISTS sync_state (id ${int} PRIMARY KEY CHECK (id = 1), version ${int} NOT NULL, epoch TEXT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL, revoked_at TEXT)`,
    `CREATE TABLE IF NOT EXISTS clients (device_id TEXT PRIMARY KEY, last_mutation_id ${int} NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS enrollment_codes (code_hash TEXT PRIMARY KEY, created_at TEXT NOT NULL, used_at TEXT, used_by TEXT)`,
    `CREATE TABLE IF NOT EXISTS records (entity TEXT NOT NULL, entity_id TEXT NOT NULL, version ${int} NOT NULL,
      deleted ${int} NOT NULL, data TEXT NOT NULL, field_versions TEXT NOT NULL, PRIMARY KEY (entity, entity_id))`,
    `CREATE INDEX IF NOT EXISTS records_version ON records (version)`,
    `CREATE TABLE IF NOT EXISTS mutation_log (device_id TEXT NOT NULL, mutation_id ${int} NOT NULL, entity TEXT NOT NULL,
      entity_id TEXT NOT NULL, op TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, version ${int}, payload TEXT NOT NULL,
      received_at TEXT NOT NULL, seq ${int} NOT NULL UNIQUE, PRIMARY KEY (device_id, mutation_id))`,
    `CREATE TABLE IF NOT EXISTS conflicts (id ${serial}, version ${int} NOT NULL, entity TEXT NOT NULL,
      entity_id TEXT NOT NULL, field TEXT NOT NULL, base_value TEXT NOT NULL, server_value TEXT NOT NULL,
      client_value TEXT NOT NULL, server_device_id TEXT NOT NULL, server_at TEXT NOT NULL, client_device_id TEXT NOT NULL,
      client_at TEXT NOT NULL, client_mutation_id ${int} NOT NULL, resolved ${int} NOT NULL DEFAULT 0, resolved_by TEXT,
      resolved_at TEXT)`,
    `CREATE INDEX IF NOT EXISTS conflicts_version ON conflicts (version)`,
    `CREATE TABLE IF NOT EXISTS blobs (sha256 TEXT PRIMARY KEY, size ${int} NOT NULL, data ${bytes} NOT NULL, created_at TEXT NOT NULL)`,
    // Each device's audit chain as it arrived (issue #13); `entry` is the whole wire entry as JSON.
    `CREATE TABLE IF NOT EXISTS audit_entries (device_id TEXT NOT NULL, seq ${int} NOT NULL, hash TEXT NOT NULL,
      prev_hash TEXT NOT NULL, entry TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (device_id, seq))`,
    ...appendOnly(dialect),
  ];
}

/**
 * The database itself refuses to change or remove an audit entry, so a slip in the server's code or an UPDATE
 * typed at the console cannot rewrite history. Someone who drops the trigger first can; `verify-audit` then
 * names the first entry that no longer fits its chain.
 */
function appendOnly(dialect: 'sqlite' | 'postgres'): string[] {
  if (dialect === 'sqlite') {
    return ['UPDATE', 'DELETE'].map((op) => `CREATE TRIGGER IF NOT EXISTS audit_entries_no_${op.toLowerCase()}
      BEFORE ${op} ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: ${op} refused'); END`);
  }
  return [
    `CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP; END $$`,
    `DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'audit_entries'::regclass AND tgname = 'audit_entries_no_change') THEN
        CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
          FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'audit_entries'::regclass AND tgname = 'audit_entries_no_truncate') THEN
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
          FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
      END IF;
    END $$`,
  ];
}
