-- Actors ledger, PostgreSQL (the `cluster` profile). Applied by PostgresLedgerStore.InitializeAsync on every silo start,
-- inside one transaction, so every statement is idempotent.

-- Several silos start at once and all run this script. CREATE TABLE IF NOT EXISTS is not safe against a concurrent
-- twin (both see "missing", one fails on the catalog's unique index), so initialisations take turns. The lock is
-- released when the transaction ends. Key (0x4163746F = 'Acto', 1) is this script's; (…, 2) serialises appends.
SELECT pg_advisory_xact_lock(1097036911, 1);

CREATE TABLE IF NOT EXISTS ledger_entries (
    -- The global order of the ledger across all entities; projections checkpoint on it. GENERATED ALWAYS refuses
    -- hand-written values, so every number comes from the sequence. Numbers of rolled-back transactions leave gaps;
    -- readers must not assume contiguity, only order (which the store guarantees by committing appends one
    -- transaction at a time, see PostgresLedgerStore).
    global_position bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Byte order ("C"), not the database locale's: ledgers are paged by id (ListLedgersAsync) and every store must
    -- page them in the same, ordinal order; the unique indexes below then serve those range scans.
    ledger          text        COLLATE "C" NOT NULL,
    tenant          text        NOT NULL,
    -- Position inside one ledger, chosen by the grain that owns the ledger (its single writer).
    position        bigint      NOT NULL,
    -- Idempotency key of the event inside its ledger: (source, seq) as numbered by the producer.
    source          text        NOT NULL,
    seq             bigint      NOT NULL,
    type            text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    -- When the row's transaction started; the store leaves it to the database so all silos share one clock.
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    -- The event as JSON *text*, not jsonb: jsonb reorders keys and drops whitespace, but a duplicate is answered by
    -- comparing the stored payload with the re-delivered one byte for byte, and the SQLite store keeps exact bytes
    -- too. Text also skips JSON parsing on the hot insert path. Query it with payload::jsonb when needed.
    payload         text        NOT NULL,

    -- Two events at one position mean two activations believed they owned the ledger; the second must fail, not
    -- silently fork the ledger. Its index also serves reads of one ledger by position (ReadLedgerAsync).
    CONSTRAINT ledger_entries_position_unique UNIQUE (ledger, position),
    -- The last guard of idempotency: whatever a grain's in-memory dedup state forgot, the same (source, seq) can
    -- never enter a ledger twice. Its index serves FindAsync and the duplicate resolution of an append batch.
    CONSTRAINT ledger_entries_idempotency_unique UNIQUE (ledger, source, seq)
);

-- The ledger is the truth, so it is append-only in the database itself, not only by convention in the code: any
-- UPDATE, DELETE or TRUNCATE, from this program or from a person with a SQL prompt, is refused. Corrections are new
-- events. (INSERT ... ON CONFLICT DO UPDATE would fire the UPDATE trigger too; the store only uses DO NOTHING.)
CREATE OR REPLACE FUNCTION ledger_entries_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entries is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

-- Created only when missing instead of DROP TRIGGER + CREATE TRIGGER: DROP TRIGGER takes an ACCESS EXCLUSIVE lock,
-- and every silo start would then stall the other silos' appends and reads for a moment. The function above is
-- replaced in place, so changing the message or error code needs no trigger change.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                   WHERE tgrelid = 'ledger_entries'::regclass AND tgname = 'ledger_entries_reject_update_delete') THEN
        CREATE TRIGGER ledger_entries_reject_update_delete
            BEFORE UPDATE OR DELETE ON ledger_entries
            FOR EACH ROW EXECUTE FUNCTION ledger_entries_reject_change();
    END IF;
    -- TRUNCATE bypasses row triggers, so it needs its own statement-level trigger.
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                   WHERE tgrelid = 'ledger_entries'::regclass AND tgname = 'ledger_entries_reject_truncate') THEN
        CREATE TRIGGER ledger_entries_reject_truncate
            BEFORE TRUNCATE ON ledger_entries
            FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_reject_change();
    END IF;
END
$$;
