-- Actors invoices, SQLite (the `local` profile, file invoices.db in the data directory). Applied by
-- SqliteInvoiceStore.InitializeAsync on every start, so every statement is idempotent.

CREATE TABLE IF NOT EXISTS invoices (
    tenant           TEXT    NOT NULL,
    account          TEXT    NOT NULL,
    -- The billing window, 'yyyy-MM' (UTC month): text order is calendar order.
    billing_window   TEXT    NOT NULL,
    -- The price plan and version, 'name@version'.
    plan             TEXT    NOT NULL,
    currency         TEXT    NOT NULL,
    -- The lines as a JSON array of {meter, usageWindow, quantity, amountMinor}: an invoice is written once and read whole,
    -- so a child table would only add a join to every read.
    lines            TEXT    NOT NULL,
    total_minor      INTEGER NOT NULL,
    -- The account ledger's position the invoice was computed through; later usage is carried into a later invoice.
    through_position INTEGER NOT NULL,
    -- Microseconds since 1970-01-01 UTC, like the ledger's timestamps.
    issued_at        INTEGER NOT NULL,

    -- Issuing again for the same key returns the stored invoice (INSERT ... ON CONFLICT DO NOTHING, then read back).
    -- The key's index also serves the reads of whole accounts (ReadAccountsAsync, FindAsync).
    PRIMARY KEY (tenant, account, billing_window, plan)
);

-- Serves listing a tenant's invoices of one window, paged by account.
CREATE INDEX IF NOT EXISTS invoices_by_window ON invoices (tenant, billing_window, account);

-- Invoices are immutable documents: any UPDATE or DELETE, from this program or a SQL prompt, is aborted. A wrong invoice
-- is answered by a correction (an adjustment on the ledger, an invoice under a new plan version), never by an edit.
CREATE TRIGGER IF NOT EXISTS invoices_reject_update
BEFORE UPDATE ON invoices
BEGIN
    SELECT RAISE(ABORT, 'invoices are immutable: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS invoices_reject_delete
BEFORE DELETE ON invoices
BEGIN
    SELECT RAISE(ABORT, 'invoices are immutable: DELETE is not allowed');
END;
