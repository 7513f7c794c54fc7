-- Actors ledger, SQLite (the `local` profile). Applied by SqliteLedgerStore.InitializeAsync on every start,
-- so every statement is idempotent.
--
-- Connection settings are not here because they belong to a connection, not to the schema: the store opens its writer
-- connection with journal_mode = WAL (readers never block the writer and the writer never blocks readers),
-- synchronous = FULL (a commit returns only after the WAL is fsynced: acknowledged means durable) and a busy_timeout.

CREATE TABLE IF NOT EXISTS ledger_entries (
    -- The global order of the ledger across all entities; projections checkpoint on it. AUTOINCREMENT (rather than a
    -- plain rowid alias) guarantees a value is never handed out twice, even for the highest row, so a checkpoint can
    -- never point at a number that is later reused.
    global_position INTEGER PRIMARY KEY AUTOINCREMENT,
    ledger          TEXT    NOT NULL,
    tenant          TEXT    NOT NULL,
    -- Position inside one ledger, chosen by the grain that owns the ledger (its single writer).
    position        INTEGER NOT NULL,
    -- Idempotency key of the event inside its ledger: (source, seq) as numbered by the producer.
    source          TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    -- Timestamps are microseconds since 1970-01-01 UTC: exact integers (no text parsing, no floating point), the same
    -- resolution as PostgreSQL's timestamptz so both stores answer identical values. Human-readable form:
    --   strftime('%Y-%m-%dT%H:%M:%f', occurred_at / 1000000.0, 'unixepoch')
    occurred_at     INTEGER NOT NULL,
    -- When the store committed the row (one value per batch).
    recorded_at     INTEGER NOT NULL,
    -- The event as JSON text, kept byte for byte: a duplicate is answered by comparing the stored payload with the
    -- re-delivered one, so the store must not reformat it.
    payload         TEXT    NOT NULL,

    -- Two events at one position mean two activations believed they owned the ledger; the second must fail, not
    -- silently fork the ledger. Its index also serves reads of one ledger by position (ReadLedgerAsync), so no
    -- separate index is needed for them.
    CONSTRAINT ledger_entries_position_unique UNIQUE (ledger, position),
    -- The last guard of idempotency: whatever a grain's in-memory dedup state forgot, the same (source, seq) can
    -- never enter a ledger twice. Its index serves FindAsync and the duplicate resolution of an append batch.
    CONSTRAINT ledger_entries_idempotency_unique UNIQUE (ledger, source, seq)
);

-- The ledger is the truth, so it is append-only in the database itself, not only by convention in the code: any
-- UPDATE or DELETE, from this program or from a person with a SQL prompt, is aborted. Corrections are new events.
-- (INSERT OR REPLACE would delete; the store never uses it, and it would hit the UNIQUE constraints' REPLACE path,
-- which does not fire delete triggers unless recursive_triggers is on — another reason the store only uses
-- ON CONFLICT DO NOTHING.)
CREATE TRIGGER IF NOT EXISTS ledger_entries_reject_update
BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS ledger_entries_reject_delete
BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only: DELETE is not allowed');
END;
