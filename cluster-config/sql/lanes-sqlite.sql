-- Actors embedded lanes, SQLite (the `local` profile): the durable queue behind the `critical` and `bulk` Orleans stream
-- providers, in `lanes.db` in the data directory. Applied by SqliteLaneStore on every start, so every statement is idempotent.
--
-- Connection settings are not here because they belong to a connection, not to the schema: the store's writer connection
-- uses journal_mode = WAL (queue readers never block the writer), synchronous = FULL (an enqueue is acknowledged only after
-- its commit is fsynced) and a busy_timeout.
--
-- Inspect a lane with the sqlite3 shell, e.g.
--   SELECT lane, partition_no, COUNT(*) FROM lane_messages GROUP BY 1, 2;       -- lag per partition
--   SELECT id, lane, type, entity, seq, reason FROM lane_dead_letters ORDER BY id;

-- Messages enqueued and not yet acknowledged. A row is deleted once its delivery is acknowledged (delete-on-ack), so the
-- table holds exactly the lag; after a crash, a partition's receiver starts again from its lowest remaining id.
CREATE TABLE IF NOT EXISTS lane_messages (
    -- The offset: the Orleans sequence number of the message. AUTOINCREMENT (not a plain rowid alias) because rows are
    -- deleted: without it an emptied table would hand out ids again from 1, below what a running receiver already read.
    -- SQLite admits one writer at a time and assigns ids inside the write transaction, so within a partition ids become
    -- visible in increasing order: a receiver that read up to id N never finds a later row below N.
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    lane             TEXT    NOT NULL,
    -- The Orleans queue of the lane the stream maps to (HashRingBasedStreamQueueMapper), 0-based.
    partition_no     INTEGER NOT NULL,
    -- The Orleans stream: namespace (NULL for none) and key, as text.
    stream_namespace TEXT,
    stream_key       TEXT    NOT NULL,
    -- The envelope, one column per field so a queue can be read with sqlite3. Timestamps are ISO 8601 round-trip text
    -- (DateTimeOffset "O"): they keep the producer's offset, so the envelope read back equals the one enqueued.
    tenant           TEXT    NOT NULL,
    entity           TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    seq              INTEGER NOT NULL,
    type             TEXT    NOT NULL,
    occurred_at      TEXT    NOT NULL,
    enqueued_at      TEXT,
    -- The event body, JSON text kept byte for byte.
    payload          TEXT    NOT NULL
);

-- A receiver reads its partition in offset order and acknowledges a prefix of it; the lag gauge counts per partition.
CREATE INDEX IF NOT EXISTS lane_messages_by_partition ON lane_messages (lane, partition_no, id);

-- Envelopes a lane gave up on, with why. Rows stay until replayed (then removed) or removed by an operator.
CREATE TABLE IF NOT EXISTS lane_dead_letters (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    lane             TEXT    NOT NULL,
    reason           TEXT    NOT NULL,
    -- When the lane gave up, ISO 8601 round-trip text.
    failed_at        TEXT    NOT NULL,
    -- Where the envelope was when it failed; NULL when a consumer dead-lettered it itself.
    partition_no     INTEGER,
    message_offset   INTEGER,
    stream_namespace TEXT,
    stream_key       TEXT,
    tenant           TEXT    NOT NULL,
    entity           TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    seq              INTEGER NOT NULL,
    type             TEXT    NOT NULL,
    occurred_at      TEXT    NOT NULL,
    enqueued_at      TEXT,
    payload          TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS lane_dead_letters_by_lane ON lane_dead_letters (lane, id);
