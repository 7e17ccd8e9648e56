/**
 * The access log every subgraph keeps of reads (and, later, writes) of participants' personal data (PIPA safety
 * measures standard §8: logged, kept at least two years). Tamper-evident: each row carries
 * `hash = sha256(prev_hash || access_log_row_text(row))`, chained in id order from 32 zero bytes, computed by the
 * database in `access_log_append`, which serialises appends with an advisory lock. `access_log_row_text` is the one
 * definition of a row's canonical text: the append function and `audit:verify` (lib/audit/verify-chain.ts) both call
 * it. Triggers refuse UPDATE, DELETE and TRUNCATE for every role, the owner and superusers included.
 */
export const ACCESS_LOG_LOCK = 4_242_000_801;

/** What the SQL needs of a TypeORM QueryRunner (or a pg client: a scratch database in the tests). */
export interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

const TABLE = `
  CREATE TABLE access_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    action text NOT NULL CHECK (action IN ('READ', 'WRITE')),
    subgraph text NOT NULL,
    user_sub text NOT NULL,
    user_role text NOT NULL,
    office_kind text,
    office_id integer,
    operation_name text,
    operation_hash text NOT NULL,
    participant_ids uuid[] NOT NULL CHECK (cardinality(participant_ids) > 0),
    client_address text NOT NULL,
    request_id text NOT NULL,
    prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
    hash bytea NOT NULL UNIQUE CHECK (length(hash) = 32))`;

// a version tag first, so that a later change of the canonical form can be told apart; timestamps in UTC to the
// microsecond, whatever the session's TimeZone; json quoting keeps the fields unambiguous
const ROW_TEXT = `
  CREATE FUNCTION access_log_row_text(r access_log) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT json_build_array('access_log/1', r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      r.action, r.subgraph, r.user_sub, r.user_role, r.office_kind, r.office_id, r.operation_name, r.operation_hash,
      r.participant_ids, r.client_address, r.request_id)::text
  $$`;

/** The single chain's append function (lib/db/access-log-chains.ts replaces it; its undo puts this back). */
export const APPEND = `
  CREATE FUNCTION access_log_append(p_action text, p_subgraph text, p_user_sub text, p_user_role text, p_office_kind text,
      p_office_id integer, p_operation_name text, p_operation_hash text, p_participant_ids uuid[], p_client_address text,
      p_request_id text)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  DECLARE
    r access_log;
  BEGIN
    -- the last row must be read after the lock, in a fresh snapshot: a transaction's older snapshot could miss the
    -- row appended just before, and two rows would then follow the same one
    IF current_setting('transaction_isolation') <> 'read committed' THEN
      RAISE EXCEPTION 'access_log_append runs in READ COMMITTED transactions only';
    END IF;
    -- one append at a time per database: each row chains to the one before it
    PERFORM pg_advisory_xact_lock(${ACCESS_LOG_LOCK});
    SELECT l.hash INTO r.prev_hash FROM access_log l ORDER BY l.id DESC LIMIT 1;
    r.prev_hash := coalesce(r.prev_hash, '\\x${"00".repeat(32)}'::bytea);
    r.id := nextval(pg_get_serial_sequence('access_log', 'id'));
    r.at := clock_timestamp();
    r.action := p_action;
    r.subgraph := p_subgraph;
    r.user_sub := p_user_sub;
    r.user_role := p_user_role;
    r.office_kind := p_office_kind;
    r.office_id := p_office_id;
    r.operation_name := p_operation_name;
    r.operation_hash := p_operation_hash;
    r.participant_ids := ARRAY(SELECT DISTINCT u FROM unnest(p_participant_ids) u ORDER BY u);
    r.client_address := p_client_address;
    r.request_id := p_request_id;
    r.hash := sha256(r.prev_hash || convert_to(access_log_row_text(r), 'UTF8'));
    INSERT INTO access_log OVERRIDING SYSTEM VALUE SELECT r.*;
    RETURN r.id;
  END $$`;

const REFUSE = `
  CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP
      USING ERRCODE = 'insufficient_privilege', HINT = 'Entries are kept at least two years (PIPA safety measures §8).';
  END $$`;

export async function createAccessLogTables(q: SqlRunner): Promise<void> {
  await q.query(TABLE);
  // what the auditor's filters use: a participant, a user over time, a period (newest first, keyset on (at, id))
  await q.query(`CREATE INDEX access_log_participants ON access_log USING gin (participant_ids)`);
  await q.query(`CREATE INDEX access_log_user_at ON access_log (user_sub, at, id)`);
  await q.query(`CREATE INDEX access_log_at ON access_log (at, id)`);
  await q.query(ROW_TEXT);
  await q.query(APPEND);
  await q.query(REFUSE);
  // statement-level: it fires even when no row matches, and TRUNCATE has no rows to fire for
  await q.query(`
    CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change()`);
  // appends go through the function only (SECURITY DEFINER); a service role needs EXECUTE on it and SELECT on the table
  await q.query(`REVOKE ALL ON access_log FROM PUBLIC`);
  await q.query(
    `REVOKE ALL ON FUNCTION access_log_append(text, text, text, text, text, integer, text, text, uuid[], text, text) FROM PUBLIC`,
  );
}

/** Undoes the migration on an empty log only: entries are kept at least two years, nothing here deletes them. */
export async function dropAccessLogTables(q: SqlRunner): Promise<void> {
  await q.query(`
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM access_log) THEN
        RAISE EXCEPTION 'access_log holds entries: they are kept at least two years, the migration is not undone';
      END IF;
    END $$`);
  await q.query(`DROP FUNCTION access_log_append(text, text, text, text, text, integer, text, text, uuid[], text, text)`);
  // the row text takes the table's row type: it goes first
  await q.query(`DROP FUNCTION access_log_row_text(access_log)`);
  await q.query(`DROP TABLE access_log`);
  await q.query(`DROP FUNCTION access_log_refuse_change()`);
}
