-- Orleans on PostgreSQL, part 2 of 4: cluster membership (UseAdoNetClustering on silos and clients, Invariant "Npgsql").
-- Needs orleans-postgres-main.sql first. Safe to re-run: tables are created only when missing and every query row is
-- replaced, so a silo running a newer version of this file upgrades the queries for the whole cluster.
--
-- The contract, from Orleans.Clustering.AdoNet 10.4.2:
--  * Membership is optimistic: every change to a silo row must move the cluster-wide table version from the value the
--    caller read (@Version) to the next one, atomically, or not happen at all; the query then answers one boolean.
--  * Reads answer the table version on every row, and exactly one row (with NULL silo columns) when no silo matches;
--    the provider reads the version from the first row and fails on an empty result.
--  * Result columns are read by name (Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes,
--    StartTime, IAmAliveTime, Version), hence the quoted aliases. Times arrive as UTC DateTime (DbType.DateTime, which
--    Npgsql sends as timestamptz).

BEGIN;

SELECT pg_advisory_xact_lock(1332898917, 1);

-- One row per cluster (Orleans calls it the deployment): the version every membership change must advance.
CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation; a restarted silo has a new generation and so a new row.
CREATE TABLE IF NOT EXISTS orleans_membership (
    -- Deleting a cluster's version row (DeleteMembershipTableEntriesKey) takes its silos with it.
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    -- Orleans' SiloStatus as a number: 3 = Active, 6 = Dead.
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    -- Votes of other silos that suspect this one, in Orleans' own "silo,time|silo,time" text form.
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$sql$),

('MembershipReadAllKey', $sql$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$sql$),

-- The silo condition sits in the join, not the WHERE, so an unknown silo still yields the version row.
('MembershipReadRowKey', $sql$
SELECT v.version         AS "Version",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$sql$),

-- FOR UPDATE makes two silos that read the same version take turns: the second waits, re-checks the row, finds the
-- version already advanced and changes nothing. The version only advances if the silo row was really inserted.
('InsertMembershipKey', $sql$
WITH expected AS (
    SELECT deployment_id
    FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), inserted AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, COALESCE(@SiloName, ''), COALESCE(@HostName, ''),
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM expected
    ON CONFLICT DO NOTHING
    RETURNING deployment_id
), advanced AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, changed_at = now()
    FROM inserted i
    WHERE v.deployment_id = i.deployment_id
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM advanced);
$sql$),

('UpdateMembershipKey', $sql$
WITH expected AS (
    SELECT deployment_id
    FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), updated AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM expected e
    WHERE m.deployment_id = e.deployment_id
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
), advanced AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, changed_at = now()
    FROM updated u
    WHERE v.deployment_id = u.deployment_id
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM advanced);
$sql$),

-- The heartbeat: frequent, and deliberately outside the version protocol so it never conflicts with real changes.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$sql$),

('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$sql$),

-- Used only by providers that lack CleanupDefunctSiloEntryKey below: drop dead silos not heard from since the cutoff.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime;
$sql$),

-- Preferred by Orleans 10.4: the provider has already judged this row defunct from what it read, and the row goes only
-- if it is still exactly that row, so a silo that changed in between is never removed on stale evidence.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND suspect_times IS NOT DISTINCT FROM @SuspectTimes;
$sql$),

-- Clients ask for gateways with @Status = Active; a silo without a gateway advertises proxy port 0.
('GatewaysQueryKey', $sql$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
