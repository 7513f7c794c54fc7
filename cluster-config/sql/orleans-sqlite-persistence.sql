-- Orleans grain state on SQLite (the `local` profile: AddAdoNetGrainStorage with Invariant "System.Data.SQLite", which
-- Orleans 10.4.2 itself maps to Microsoft.Data.Sqlite). Run by OrleansSchemaInstaller.EnsureSqliteStorageAsync on
-- every silo start against the grain-state file (data/orleans.db), so everything here is idempotent.
--
-- Orleans' ADO.NET provider holds no SQL of its own: at start-up it reads the rows of OrleansQuery (names fixed by
-- Orleans) and runs their text with named parameters. The contract is the one described in
-- orleans-postgres-persistence.sql: the ETag is our integer version; a write or clear names the version it read
-- (@GrainStateVersion, NULL for a grain never stored) and answers the new version, or nothing on a conflict.
-- The query texts below are SQL string literals, so they avoid single quotes.

-- Grain activations write concurrently through separate connections; in WAL mode readers never wait for a writer.
-- With SQLite's default synchronous=FULL a committed write is still on disk when the call returns. The mode is stored
-- in the file, so setting it again is a no-op; it cannot be changed inside a transaction, hence before BEGIN.
PRAGMA journal_mode = WAL;

-- IMMEDIATE takes the write lock up front, so two silos (or tests) initialising the same file take turns instead of
-- failing half-way through; Microsoft.Data.Sqlite retries a busy database until the command timeout.
BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_storage (
    grain_id_hash      INTEGER NOT NULL,
    grain_type_hash    INTEGER NOT NULL,
    service_id         TEXT    NOT NULL,
    grain_type         TEXT    NOT NULL,
    grain_id_n0        INTEGER NOT NULL,
    grain_id_n1        INTEGER NOT NULL,
    grain_id_extension TEXT,
    -- NULL once cleared: the row stays so its version keeps counting and a stale writer cannot mistake the grain for
    -- a new one.
    payload            BLOB,
    version            INTEGER NOT NULL,
    modified_at        TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- One row per grain, enforced by the database so two activations racing to create the same grain cannot both win.
-- SQLite treats NULLs as distinct in a unique index, so a missing extension is indexed as '' (Orleans refuses empty
-- key extensions, so '' never stands for a real one).
CREATE UNIQUE INDEX IF NOT EXISTS orleans_storage_grain ON orleans_storage
    (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type, ifnull(grain_id_extension, ''));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, version AS Version
FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS @GrainIdExtensionString;
'),

-- SQLite has no data-modifying CTEs, so the two branches are two statements, each answering through RETURNING. At most
-- one can act (a known version replaces, no version creates), and the provider collects the rows of both: one row on
-- success, none on a conflict.
('WriteToStorageKey', '
UPDATE orleans_storage
SET payload = @PayloadBinary, version = version + 1, modified_at = CURRENT_TIMESTAMP
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;

INSERT INTO orleans_storage
    (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
       @PayloadBinary, 1
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING version AS NewGrainStateVersion;
'),

('ClearStorageKey', '
UPDATE orleans_storage
SET payload = NULL, version = version + 1, modified_at = CURRENT_TIMESTAMP
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version;
'),

-- Only with DeleteStateOnClear = true. The provider treats an answer equal to the old version as a conflict, so a
-- successful delete answers the version the deletion would have produced.
('DeleteStorageKey', '
DELETE FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1;
')

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

COMMIT;
