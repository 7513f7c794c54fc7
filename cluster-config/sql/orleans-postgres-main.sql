-- Orleans on PostgreSQL, part 1 of 4: the query catalogue. Run by OrleansSchemaInstaller.EnsurePostgresAsync on every
-- silo start, before the clustering, persistence and reminders parts (each of which adds its rows here).
--
-- Orleans' ADO.NET providers hold no SQL of their own: at start-up each one runs
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and from then on executes the stored text for each operation with named parameters (@DeploymentId, @Version, ...).
-- The table and column names are therefore fixed by Orleans; everything else in these scripts is ours. Orleans
-- writes the names unquoted, so PostgreSQL folds them to lower case and so must we (no quoted identifiers here).

BEGIN;

-- Several silos start at once and all run these scripts. CREATE TABLE IF NOT EXISTS is not safe against a concurrent
-- twin (both see "missing", one fails on the catalogue's unique index), so installers take turns. The transaction
-- scope releases the lock even if the script fails. Key ('Orle', 1) is shared by all four Orleans scripts; the
-- ledger scripts use ('Acto', n).
SELECT pg_advisory_xact_lock(1332898917, 1);

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

COMMIT;
