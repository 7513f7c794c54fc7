-- Orleans on PostgreSQL, part 4 of 4: durable reminders (UseAdoNetReminderService, Invariant "Npgsql").
-- Needs orleans-postgres-main.sql first. Safe to re-run; re-running replaces the query rows.
--
-- The contract, from Orleans.Reminders.AdoNet 10.4.2:
--  * A reminder is (@ServiceId, @GrainId, @ReminderName). Its ETag is our integer version: an upsert answers the new
--    Version, a delete names the version it read and answers one boolean, false when the reminder changed meanwhile.
--  * Each silo owns a range of the 32-bit hash ring and loads the reminders whose @GrainHash falls in it. Orleans sends
--    the hashes as signed integers and picks the query by signed order: ReadRangeRows1Key for a range that does not
--    wrap (begin < end), ReadRangeRows2Key for one that wraps past the end of the ring. Ranges are (begin, end].
--  * Rows are read by column name: GrainId, ReminderName, StartTime, Period (milliseconds), Version.

BEGIN;

SELECT pg_advisory_xact_lock(1332898917, 1);

CREATE TABLE IF NOT EXISTS orleans_reminders (
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    -- Milliseconds; Orleans sends an int or, for periods beyond ~24 days, a bigint.
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Serves the ring-range loads every silo does at start-up and whenever the ring changes.
CREATE INDEX IF NOT EXISTS orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('ReadReminderRowsKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$sql$),

('ReadReminderRowKey', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$sql$),

('ReadRangeRows1Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$sql$),

('ReadRangeRows2Key', $sql$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$sql$),

('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminders AS r
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time,
    period_ms  = EXCLUDED.period_ms,
    grain_hash = EXCLUDED.grain_hash,
    version    = r.version + 1
RETURNING version AS "Version";
$sql$),

('DeleteReminderRowKey', $sql$
WITH removed AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed);
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
