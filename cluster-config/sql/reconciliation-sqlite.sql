-- Actors reconciliation results, SQLite (the `local` profile; usually the ledger's file). Applied by
-- SqliteReconciliationStore.InitializeAsync on every start, so every statement is idempotent.
--
-- Connection settings are not here because they belong to a connection, not to the schema: the store sets WAL once
-- (it is kept in the file) and opens every connection with synchronous = FULL (an acknowledged transition survives a
-- power cut), a busy_timeout (the ledger's writer may hold the write lock) and foreign_keys = ON.
--
-- Timestamps are microseconds since 1970-01-01 UTC, like the ledger's: exact integers, the resolution of PostgreSQL's
-- timestamptz, so both stores answer identical values.

-- One row per reconciliation key: a rerun finds the same key and updates the row instead of adding one, which is what
-- makes results idempotent. The row is also the exception and its workflow status.
CREATE TABLE IF NOT EXISTS reconciliation_results (
    tenant            TEXT    NOT NULL,
    account           TEXT    NOT NULL,
    billing_window    TEXT    NOT NULL,
    -- name@version of the price plan the figures were computed under.
    price_plan        TEXT    NOT NULL,
    -- The kind's kebab-case name (missing-usage, ...), readable at a SQL prompt and stable if the enum is renumbered.
    -- No CHECK on it: a kind added in code must not need a schema migration.
    kind              TEXT    NOT NULL,
    -- The workflow is fixed (open -> acknowledged -> resolved | dismissed), so the database may refuse anything else.
    status            TEXT    NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed')),
    currency          TEXT    NOT NULL,
    correction_minor  INTEGER NOT NULL,
    -- The mismatch lines as JSON text written deterministically by the store, so "the figures did not change" is a plain
    -- text comparison in SQL, the same test in both stores.
    lines             TEXT    NOT NULL,
    detected_at       INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    -- The ledger key (source, seq) of the correction a resolution posted; both or neither.
    adjustment_source TEXT,
    adjustment_seq    INTEGER,
    CHECK ((adjustment_source IS NULL) = (adjustment_seq IS NULL)),
    -- Its index also serves listing a tenant's exceptions in (account, window, plan, kind) order and paging by account.
    PRIMARY KEY (tenant, account, billing_window, price_plan, kind)
) WITHOUT ROWID; -- every access goes through the key, so the table is stored as its key's b-tree, not beside it

-- Counts per (status, kind) and lists filtered by status read this index instead of the wide rows.
CREATE INDEX IF NOT EXISTS reconciliation_results_by_status ON reconciliation_results (tenant, status, kind);

-- Who moved which exception from which status to which, when and why: one row per transition, written in the same
-- transaction as the status change, so the trail and the status never disagree.
CREATE TABLE IF NOT EXISTS reconciliation_audit (
    -- AUTOINCREMENT: numbers are never reused, so the trail's order (by audit_id) is the order the transitions committed.
    audit_id          INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant            TEXT    NOT NULL,
    account           TEXT    NOT NULL,
    billing_window    TEXT    NOT NULL,
    price_plan        TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    moved_at          INTEGER NOT NULL,
    actor             TEXT    NOT NULL,
    from_status       TEXT    NOT NULL,
    to_status         TEXT    NOT NULL,
    reason            TEXT    NOT NULL,
    -- A trail of an exception that does not exist is a bug; this also keeps a result with a trail from being deleted.
    FOREIGN KEY (tenant, account, billing_window, price_plan, kind)
        REFERENCES reconciliation_results (tenant, account, billing_window, price_plan, kind)
);

-- Reads one exception's trail in order; also the index the foreign key's checks need.
CREATE INDEX IF NOT EXISTS reconciliation_audit_by_key
    ON reconciliation_audit (tenant, account, billing_window, price_plan, kind, audit_id);

-- The trail is evidence, so it is append-only in the database itself, not only by convention in the code: any UPDATE
-- or DELETE, from this program or from a person with a SQL prompt, is aborted.
CREATE TRIGGER IF NOT EXISTS reconciliation_audit_reject_update
BEFORE UPDATE ON reconciliation_audit
BEGIN
    SELECT RAISE(ABORT, 'reconciliation_audit is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS reconciliation_audit_reject_delete
BEFORE DELETE ON reconciliation_audit
BEGIN
    SELECT RAISE(ABORT, 'reconciliation_audit is append-only: DELETE is not allowed');
END;

-- One row per reconciler pass; updated as it progresses, so an interrupted run resumes after its cursor.
CREATE TABLE IF NOT EXISTS reconciliation_runs (
    run_id             TEXT    NOT NULL PRIMARY KEY,
    tenant             TEXT    NOT NULL,
    billing_window     TEXT    NOT NULL,
    state              TEXT    NOT NULL CHECK (state IN ('running', 'completed', 'failed')),
    started_at         INTEGER NOT NULL,
    finished_at        INTEGER,
    -- The last account whose check is stored.
    cursor_account     TEXT,
    accounts_checked   INTEGER NOT NULL,
    -- Mismatches found per kind, a JSON object keyed by kebab-case kind name: read and written whole, never queried.
    mismatches_by_kind TEXT    NOT NULL,
    error              TEXT
);

-- Runs are listed newest first, for one tenant or for all.
CREATE INDEX IF NOT EXISTS reconciliation_runs_by_start ON reconciliation_runs (started_at, run_id);
CREATE INDEX IF NOT EXISTS reconciliation_runs_by_tenant_start ON reconciliation_runs (tenant, started_at, run_id);
