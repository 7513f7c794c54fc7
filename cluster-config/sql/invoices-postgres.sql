-- Actors invoices, PostgreSQL (the `cluster` profile). Applied by PostgresInvoiceStore.InitializeAsync on every silo
-- start, inside one transaction, so every statement is idempotent.

-- Silos start together and all run this script; CREATE ... IF NOT EXISTS is not safe against a concurrent twin, so
-- initialisations take turns. Key (0x496E766F = 'Invo', 1) is this script's own.
SELECT pg_advisory_xact_lock(1231976047, 1);

CREATE TABLE IF NOT EXISTS invoices (
    tenant           text        NOT NULL,
    -- Byte order ("C"), not the database locale's: invoices are paged by account, and both stores must page in the same
    -- ordinal order the ledger lists its accounts in.
    account          text        COLLATE "C" NOT NULL,
    -- The billing window, 'yyyy-MM' (UTC month): text order is calendar order. ("window" is a reserved word.)
    billing_window   text        NOT NULL,
    -- The price plan and version, 'name@version'.
    plan             text        COLLATE "C" NOT NULL,
    currency         text        NOT NULL,
    -- The lines as a JSON array of {meter, usageWindow, quantity, amountMinor}: an invoice is written once and read whole,
    -- so a child table would only add a join to every read; jsonb keeps them queryable from a SQL prompt.
    lines            jsonb       NOT NULL,
    total_minor      bigint      NOT NULL,
    -- The account ledger's position the invoice was computed through; later usage is carried into a later invoice.
    through_position bigint      NOT NULL,
    issued_at        timestamptz NOT NULL,

    -- Issuing again for the same key returns the stored invoice (INSERT ... ON CONFLICT DO NOTHING, then read back);
    -- concurrent issuers of one key wait for each other on this index, and exactly one row wins.
    -- The key's index also serves the reads of whole accounts (ReadAccountsAsync, FindAsync).
    CONSTRAINT invoices_key PRIMARY KEY (tenant, account, billing_window, plan)
);

-- Serves listing a tenant's invoices of one window, paged by account.
CREATE INDEX IF NOT EXISTS invoices_by_window ON invoices (tenant, billing_window, account);

-- Invoices are immutable documents: any UPDATE, DELETE or TRUNCATE, from this program or a SQL prompt, is refused. A
-- wrong invoice is answered by a correction (an adjustment on the ledger, an invoice under a new plan version).
CREATE OR REPLACE FUNCTION invoices_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'invoices are immutable: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

-- Created only when missing: DROP TRIGGER + CREATE TRIGGER would take an ACCESS EXCLUSIVE lock on every silo start.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                   WHERE tgrelid = 'invoices'::regclass AND tgname = 'invoices_reject_update_delete') THEN
        CREATE TRIGGER invoices_reject_update_delete
            BEFORE UPDATE OR DELETE ON invoices
            FOR EACH ROW EXECUTE FUNCTION invoices_reject_change();
    END IF;
    -- TRUNCATE bypasses row triggers, so it needs its own statement-level trigger.
    IF NOT EXISTS (SELECT 1 FROM pg_trigger
                   WHERE tgrelid = 'invoices'::regclass AND tgname = 'invoices_reject_truncate') THEN
        CREATE TRIGGER invoices_reject_truncate
            BEFORE TRUNCATE ON invoices
            FOR EACH STATEMENT EXECUTE FUNCTION invoices_reject_change();
    END IF;
END
$$;
