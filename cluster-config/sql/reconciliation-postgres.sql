-- Actors reconciliation results, PostgreSQL (the `cluster` profile). Applied by PostgresReconciliationStore.InitializeAsync
-- on every silo start, inside one transaction, so every statement is idempotent.

-- Several silos start at once and all run this script; CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin
-- (both see "missing", one fails on the catalog's unique index), so initialisations take turns. The one-bigint form of
-- the lock is a key space apart from the ledger's two-int keys. Released when the transaction ends.
SELECT pg_advisory_xact_lock(hashtext('actors.reconciliation'));

-- One row per reconciliation key: a rerun finds the same key and updates the row instead of adding one, which is what
-- makes results idempotent. The row is also the exception and its workflow status.
CREATE TABLE IF NOT EXISTS reconciliation_results (
    -- Byte order ("C") on the key, not the database locale's: exceptions are listed and paged by account in ordinal
    -- order, the same order as the SQLite store, and the primary key's index then serves those scans.
    tenant            text        COLLATE "C" NOT NULL,
    account           text        COLLATE "C" NOT NULL,
    billing_window    text        COLLATE "C" NOT NULL,
    -- name@version of the price plan the figures were computed under.
    price_plan        text        COLLATE "C" NOT NULL,
    -- The kind's kebab-case name (missing-usage, ...), readable at a SQL prompt and stable if the enum is renumbered.
    -- No CHECK on it: a kind added in code must not need a schema migration.
    kind              text        COLLATE "C" NOT NULL,
    -- The workflow is fixed (open -> acknowledged -> resolved | dismissed), so the database may refuse anything else.
    status            text        NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed')),
    currency          text        NOT NULL,
    correction_minor  bigint      NOT NULL,
    -- The mismatch lines as JSON *text* written deterministically by the store, not jsonb: "the figures did not change"
    -- is then a plain text comparison, the same test as in the SQLite store. Query it with lines::jsonb when needed.
    lines             text        NOT NULL,
    detected_at       timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- The ledger key (source, seq) of the correction a resolution posted; both or neither.
    adjustment_source text,
    adjustment_seq    bigint,
    CHECK ((adjustment_source IS NULL) = (adjustment_seq IS NULL)),
    PRIMARY KEY (tenant, account, billing_window, price_plan, kind)
);

-- Counts per (status, kind) and lists filtered by status read this index instead of the wide rows.
CREATE INDEX IF NOT EXISTS reconciliation_results_by_status ON reconciliation_results (tenant, status, kind);

-- Who moved which exception from which status to which, when and why: one row per transition, written in the same
-- transaction as the status change, so the trail and the status never disagree.
CREATE TABLE IF NOT EXISTS reconciliation_audit (
    -- Transitions of one exception hold its row lock in turn, so for one key this order is the order they committed.
    audit_id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant            text        COLLATE "C" NOT NULL,
    account           text        COLLATE "C" NOT NULL,
    billing_window    text        COLLATE "C" NOT NULL,
    price_plan        text        COLLATE "C" NOT NULL,
    kind              text        COLLATE "C" NOT NULL,
    moved_at          timestamptz NOT NULL,
    actor             text        NOT NULL,
    from_status       text        NOT NULL,
    to_status         text        NOT NULL,
    reason            text        NOT NULL,
    -- A trail of an exception that does not exist is a bug; this also keeps a result with a trail from being deleted.
    FOREIGN KEY (tenant, account, billing_window, price_plan, kind)
        REFERENCES reconciliation_results (tenant, account, billing_window, price_plan, kind)
);

-- Reads one exception's trail in order; also the index the foreign key's checks need.
CREATE INDEX IF NOT EXISTS reconciliation_audit_by_key
    ON reconciliation_audit (tenant, account, billing_window, price_plan, kind, audit_id);

-- The trail is evidence, so it is append-only in the database itself, not only by convention in the code: any UPDATE,
-- DELETE or TRUNCATE, from this program or from a person with a SQL prompt, is refused.
CREATE OR REPLACE FUNCTION reconciliation_audit_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'reconciliation_audit is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

-- Created only when missing instead of DROP TRIGGER + CREATE TRIGGER: DROP TRIGGER takes an ACCESS EXCLUSIVE lock that
-- would stall other silos' transitions on every start. The function above is replaced in place instead.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                   WHERE tgrelid = 'reconciliation_audit'::regclass AND tgname = 'reconciliation_audit_reject_update_delete') THEN
        CREATE TRIGGER reconciliation_audit_reject_update_delete
            BEFORE UPDATE OR DELETE ON reconciliation_audit
            FOR EACH ROW EXECUTE FUNCTION reconciliation_audit_reject_change();
    END IF;
    -- TRUNCATE bypasses row triggers, so it needs its own statement-level trigger.
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                   WHERE tgrelid = 'reconciliation_audit'::regclass AND tgname = 'reconciliation_audit_reject_truncate') THEN
        CREATE TRIGGER reconciliation_audit_reject_truncate
            BEFORE TRUNCATE ON reconciliation_audit
            FOR EACH STATEMENT EXECUTE FUNCTION reconciliation_audit_reject_change();
    END IF;
END
$$;

-- One row per reconciler pass; updated as it progresses, so an interrupted run resumes after its cursor.
CREATE TABLE IF NOT EXISTS reconciliation_runs (
    -- "C": ties on started_at are broken by run_id in the same order as in SQLite.
    run_id             text        COLLATE "C" NOT NULL PRIMARY KEY,
    tenant             text        COLLATE "C" NOT NULL,
    billing_window     text        NOT NULL,
    state              text        NOT NULL CHECK (state IN ('running', 'completed', 'failed')),
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz,
    -- The last account whose check is stored.
    cursor_account     text,
    accounts_checked   bigint      NOT NULL,
    -- Mismatches found per kind, a JSON object keyed by kebab-case kind name: read and written whole, never queried.
    mismatches_by_kind text        NOT NULL,
    error              text
);

-- Runs are listed newest first, for one tenant or for all.
CREATE INDEX IF NOT EXISTS reconciliation_runs_by_start ON reconciliation_runs (started_at, run_id);
CREATE INDEX IF NOT EXISTS reconciliation_runs_by_tenant_start ON reconciliation_runs (tenant, started_at, run_id);
