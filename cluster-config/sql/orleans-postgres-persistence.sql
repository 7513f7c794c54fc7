-- Orleans on PostgreSQL, part 3 of 4: grain state (AddAdoNetGrainStorage, Invariant "Npgsql").
-- Needs orleans-postgres-main.sql first. Safe to re-run; re-running replaces the query rows.
--
-- The contract, from Orleans.Persistence.AdoNet 10.4.2:
--  * A grain is identified by @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1 and @GrainIdExtensionString (NULL
--    when the key has no extension; for string keys it holds the whole key and N0 = N1 = 0). @GrainIdHash and
--    @GrainTypeHash are 32-bit hashes of those, computed by Orleans: they lead the index so lookups stay narrow.
--  * The ETag is our integer version. A write or clear names the version it read (@GrainStateVersion, NULL for a grain
--    never stored) and answers the new version; answering nothing (or NULL) is how the provider learns of a conflict,
--    which it raises as InconsistentStateException. So every change is conditional on the version, in one statement.
--  * Reads answer PayloadBinary (NULL after a clear) and Version; at most one row.

BEGIN;

SELECT pg_advisory_xact_lock(1332898917, 1);

CREATE TABLE IF NOT EXISTS orleans_storage (
    grain_id_hash      integer     NOT NULL,
    grain_type_hash    integer     NOT NULL,
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text,
    -- The serialized state as the provider's serializer produced it (JSON bytes by default). NULL once cleared: the row
    -- stays so its version keeps counting and a stale writer cannot mistake the grain for a new one.
    payload            bytea,
    version            integer     NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per grain, enforced by the database so two activations racing to create the same grain cannot both win.
-- A missing extension is stored as NULL but must collide with itself, hence the COALESCE (Orleans refuses empty key
-- extensions, so '' never stands for a real one).
CREATE UNIQUE INDEX IF NOT EXISTS orleans_storage_grain ON orleans_storage
    (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type, COALESCE(grain_id_extension, ''));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('ReadFromStorageKey', $sql$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$sql$),

-- Exactly one branch can act: a known version replaces the row it names, no version creates the row. A create that
-- meets an existing row (another activation got there first) does nothing, so both branches answer NULL on conflict.
('WriteToStorageKey', $sql$
WITH replaced AS (
    UPDATE orleans_storage
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
), created AS (
    INSERT INTO orleans_storage
        (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM replaced UNION ALL SELECT version FROM created) AS "NewGrainStateVersion";
$sql$),

-- Clearing keeps the row (payload NULL) and advances the version, see the table comment.
('ClearStorageKey', $sql$
UPDATE orleans_storage
SET payload = NULL, version = version + 1, modified_at = now()
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version;
$sql$),

-- Only with DeleteStateOnClear = true. The provider treats an answer equal to the old version as a conflict, so a
-- successful delete answers the version the deletion would have produced.
('DeleteStorageKey', $sql$
DELETE FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1;
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
