import { ACCESS_LOG_LOCK, APPEND, type SqlRunner } from "./access-log-tables";

/**
 * The access log's hash chain, split into parallel chains. With one chain every append waited for the transaction
 * before it to commit, its WAL flush included (the chain's lock is held to the end of the transaction, so that the
 * next append sees the row it chains to): a database's writes and personal-data reads went one flush at a time —
 * 126 appends/s with 16 writers on the CI disk, where the same inserts without the chain made 1,722/s.
 *
 * Now there are {@link ACCESS_LOG_CHAINS} chains, each with its own lock. An append takes the first chain no other
 * transaction holds (chain 0 when it is alone, so a quiet database keeps writing one chain), and transactions on
 * different chains commit, and flush, together. Within its chain every row still links to the row before it
 * (`prev_hash`), computed by the database under that chain's lock; the canonical row text (`access_log_row_text`)
 * is unchanged, so the rows written before stay valid as chain 0. A row moved to another chain breaks both chains'
 * links; deleted newest rows are found with the anchors, now every chain's head (`npm run audit:verify` prints them).
 */
export const ACCESS_LOG_CHAINS = 16;

/** Chain 0 keeps the single chain's lock; chain k > 0 locks this + k. */
export const ACCESS_LOG_CHAIN_LOCKS = 4_242_001_000;

const APPEND_TO_CHAINS = `
  CREATE OR REPLACE FUNCTION access_log_append(p_action text, p_subgraph text, p_user_sub text, p_user_role text, p_office_kind text,
      p_office_id integer, p_operation_name text, p_operation_hash text, p_participant_ids uuid[], p_client_address text,
      p_request_id text)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  DECLARE
    r access_log;
    k integer;
  BEGIN
    -- the chain's last row must be read after its lock, in a fresh snapshot: a transaction's older snapshot could
    -- miss the row appended just before, and two rows would then follow the same one
    IF current_setting('transaction_isolation') <> 'read committed' THEN
      RAISE EXCEPTION 'access_log_append runs in READ COMMITTED transactions only';
    END IF;
    -- the first chain no other transaction holds (one this transaction holds already is free to it)
    FOR c IN 0..${ACCESS_LOG_CHAINS - 1} LOOP
      IF pg_try_advisory_xact_lock(CASE c WHEN 0 THEN ${ACCESS_LOG_LOCK} ELSE ${ACCESS_LOG_CHAIN_LOCKS} + c END) THEN
        k := c;
        EXIT;
      END IF;
    END LOOP;
    -- every chain busy: wait for one, chosen by this backend so that waiters spread over the chains
    IF k IS NULL THEN
      k := pg_backend_pid() % ${ACCESS_LOG_CHAINS};
      PERFORM pg_advisory_xact_lock(CASE k WHEN 0 THEN ${ACCESS_LOG_LOCK} ELSE ${ACCESS_LOG_CHAIN_LOCKS} + k END);
    END IF;
    SELECT l.hash INTO r.prev_hash FROM access_log l WHERE l.chain = k ORDER BY l.id DESC LIMIT 1;
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
    r.chain := k;
    r.hash := sha256(r.prev_hash || convert_to(access_log_row_text(r), 'UTF8'));
    INSERT INTO access_log OVERRIDING SYSTEM VALUE SELECT r.*;
    RETURN r.id;
  END $$`;

/** Adds the chain column (the rows there are chain 0), its index for an append's last row, and the new append. */
export async function addAccessLogChains(q: SqlRunner): Promise<void> {
  // a constant default: no row is rewritten (and no UPDATE trigger fires)
  await q.query(`ALTER TABLE access_log ADD COLUMN chain smallint NOT NULL DEFAULT 0 CHECK (chain BETWEEN 0 AND ${ACCESS_LOG_CHAINS - 1})`);
  await q.query(`CREATE INDEX access_log_chain ON access_log (chain, id)`);
  await q.query(APPEND_TO_CHAINS);
}

/** Back to one chain, only while every row is in chain 0: the others' rows would not verify as one chain. */
export async function dropAccessLogChains(q: SqlRunner): Promise<void> {
  await q.query(`
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM access_log WHERE chain <> 0) THEN
        RAISE EXCEPTION 'access_log has rows in chains other than 0: the migration is not undone';
      END IF;
    END $$`);
  await q.query(`DROP INDEX access_log_chain`);
  await q.query(`ALTER TABLE access_log DROP COLUMN chain`);
  await q.query(APPEND.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION"));
}
