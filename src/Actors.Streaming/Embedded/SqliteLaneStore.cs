using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading.Channels;
using Actors.Contracts.Events;
using Actors.Streaming.Lanes;
using Actors.Streaming.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Streaming.Embedded;

/// <summary>
/// The embedded lanes' durable queue: one SQLite file (<see cref="FileName"/>) holding every lane's partitions and
/// dead-letter queues. Messages are deleted when acknowledged, so what is in the file is exactly what is still owed.
/// </summary>
/// <remarks>
/// <para>
/// Every change (enqueue, acknowledge, dead-letter, removal) goes through one writer loop: changes queued while a commit
/// is in flight all go into the next transaction (group commit), so concurrent publishers share an fsync instead of
/// paying one per event. A change's task completes only after its transaction committed with <c>synchronous = FULL</c>:
/// an acknowledged enqueue survives a power cut. If a transaction fails, every change in it fails and nothing of it was
/// acknowledged.
/// </para>
/// <para>
/// A caller whose token is cancelled stops waiting, but a change already queued may still be applied: an enqueue the
/// caller saw as cancelled can be delivered. That is at-least-once, which the consumers' dedup absorbs.
/// </para>
/// </remarks>
public sealed class SqliteLaneStore : ILaneDeadLetterQueue, IAsyncDisposable, IDisposable
{
    /// <summary>The name of the queue file inside the data directory.</summary>
    public const string FileName = "lanes.db";

    // Bounds one transaction (and the time its callers wait) when a flood is queued; an enqueue call counts once however
    // many envelopes it carries.
    private const int MaxWritesPerTransaction = 512;

    private const string EnvelopeColumns = "tenant, entity, source, seq, type, occurred_at, enqueued_at, payload";

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly Channel<LaneWrite> _writes = Channel.CreateUnbounded<LaneWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, int> _declaredLanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Task? _initialization;
    private Task? _writeLoop;
    private SqliteConnection? _writer;
    private SqliteCommand? _insertMessage;
    private SqliteCommand? _acknowledge;
    private SqliteCommand? _insertDeadLetter;
    private SqliteCommand? _removeDeadLetter;
    private long _committedTransactions;
    private bool _disposed;

    /// <summary>Opens (on first use) the queue file in <paramref name="dataDirectory"/>, creating the directory and file if missing.</summary>
    /// <param name="dataDirectory">The data directory; relative paths are resolved against the current directory.</param>
    /// <param name="logger">Where failures of metric reads are reported; none when null.</param>
    public SqliteLaneStore(string dataDirectory, ILogger<SqliteLaneStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        DataDirectory = Path.GetFullPath(dataDirectory);
        DatabasePath = Path.Combine(DataDirectory, FileName);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds Microsoft.Data.Sqlite retries a statement that finds the file locked (another writer, a checkpoint).
            DefaultTimeout = 30,
        }.ToString();
        LaneInstruments.AddLagSource(this, MeasureLag);
        LaneInstruments.AddDeadLetterDepthSource(this, MeasureDeadLetterDepth);
    }

    /// <summary>The absolute path of the data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The absolute path of the queue file.</summary>
    public string DatabasePath { get; }

    /// <summary>Write transactions this store committed: fewer than the changes they carried while group commit is at work.</summary>
    public long CommittedTransactions => Interlocked.Read(ref _committedTransactions);

    /// <summary>
    /// Creates the directory, file and schema if missing (idempotent) and starts the writer. Every other method does this
    /// on first use; calling it at start-up only surfaces a bad data directory early. A failed attempt is retried on the next call.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        Task initialization;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = Task.Run(Initialize, CancellationToken.None);
            }
            initialization = _initialization;
        }
        return initialization.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Makes the lag and dead-letter gauges report <paramref name="partitions"/> partitions of <paramref name="lane"/>
    /// even while they are empty (a silent zero and a missing series look different on a dashboard).
    /// </summary>
    public void DeclareLane(string lane, int partitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        lock (_gate)
        {
            _declaredLanes[lane] = partitions;
        }
    }

    /// <summary>Durably appends <paramref name="messages"/>, in order, to <paramref name="lane"/>/<paramref name="partition"/>; returns once committed.</summary>
    /// <returns>The offset given to the last message.</returns>
    public Task<long> EnqueueAsync(string lane, int partition, IReadOnlyList<LaneMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            throw new ArgumentException("Nothing to enqueue.", nameof(messages));
        }
        foreach (var message in messages)
        {
            // Rejected here, alone, so that one malformed message cannot fail the other callers' changes in its transaction.
            ThrowIfIncomplete(message);
        }
        return SubmitAsync(transaction =>
        {
            var command = _insertMessage!;
            command.Transaction = transaction;
            long offset = 0;
            foreach (var message in messages)
            {
                Bind(command, lane, partition, message);
                offset = (long)command.ExecuteScalar()!;
            }
            return offset;
        }, cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> messages of <paramref name="lane"/>/<paramref name="partition"/> after <paramref name="afterOffset"/>, in offset order.</summary>
    public async Task<IReadOnlyList<StoredLaneMessage>> ReadAsync(string lane, int partition, long afterOffset, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await InitializeAsync(cancellationToken);
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            SELECT id, stream_namespace, stream_key, {EnvelopeColumns}
            FROM lane_messages
            WHERE lane = $lane AND partition_no = $partition AND id > $after
            ORDER BY id
            LIMIT $max
            """;
        command.Parameters.AddWithValue("$lane", lane);
        command.Parameters.AddWithValue("$partition", partition);
        command.Parameters.AddWithValue("$after", afterOffset);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var messages = new List<StoredLaneMessage>();
        while (reader.Read())
        {
            var message = new LaneMessage(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), ReadEnvelope(reader, 3));
            messages.Add(new StoredLaneMessage(reader.GetInt64(0), message));
        }
        return messages;
    }

    /// <summary>Durably removes every message of <paramref name="lane"/>/<paramref name="partition"/> up to and including <paramref name="throughOffset"/>.</summary>
    /// <returns>How many messages were removed.</returns>
    public Task<long> AcknowledgeAsync(string lane, int partition, long throughOffset, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        return SubmitAsync(transaction =>
        {
            var command = _acknowledge!;
            command.Transaction = transaction;
            command.Parameters["$lane"].Value = lane;
            command.Parameters["$partition"].Value = partition;
            command.Parameters["$through"].Value = throughOffset;
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>How many messages <paramref name="lane"/>/<paramref name="partition"/> holds that are not acknowledged yet.</summary>
    public async Task<long> CountPendingAsync(string lane, int partition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        await InitializeAsync(cancellationToken);
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM lane_messages WHERE lane = $lane AND partition_no = $partition";
        command.Parameters.AddWithValue("$lane", lane);
        command.Parameters.AddWithValue("$partition", partition);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Every partition's backlog (partitions without pending messages are absent) and the highest offset ever given to a
    /// message of any lane, read from one snapshot of the file so the two agree.
    /// </summary>
    public async Task<(long LastOffset, IReadOnlyList<PartitionBacklog> Partitions)> ReadBacklogAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        using var connection = OpenReader();
        // One read transaction: under WAL both queries then see the same committed state.
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // With exactly one min() in the query, SQLite takes the bare column enqueued_at from the row that holds the minimum:
        // the enqueue time of each partition's oldest pending message, in the same pass.
        command.CommandText = "SELECT lane, partition_no, COUNT(*), MIN(id), enqueued_at FROM lane_messages GROUP BY lane, partition_no ORDER BY lane, partition_no";
        var partitions = new List<PartitionBacklog>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                partitions.Add(new PartitionBacklog(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : ParseTimestamp(reader.GetString(4))));
            }
        }
        // AUTOINCREMENT keeps the highest id ever assigned in sqlite_sequence, even after every row is deleted.
        command.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = 'lane_messages'";
        var lastOffset = command.ExecuteScalar() is long seq ? seq : 0;
        transaction.Commit();
        return (lastOffset, partitions);
    }

    /// <summary>
    /// Durably records <paramref name="message"/>, which sat at <paramref name="offset"/> of <paramref name="lane"/>/<paramref name="partition"/>,
    /// as dead with <paramref name="reason"/>. The message itself is not removed: the caller acknowledges its offset once this returns.
    /// </summary>
    /// <returns>The dead letter's id.</returns>
    public Task<long> DeadLetterAsync(string lane, int partition, long offset, LaneMessage message, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ThrowIfIncomplete(message);
        return InsertDeadLetterAsync(lane, message.Envelope, reason, (partition, offset, message.StreamNamespace, message.StreamKey), cancellationToken);
    }

    /// <inheritdoc />
    public async Task AddAsync(string lane, EventEnvelope envelope, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ThrowIfIncomplete(envelope);
        await InsertDeadLetterAsync(lane, envelope, reason, origin: null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string lane, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await InitializeAsync(cancellationToken);
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT id, lane, reason, failed_at, {EnvelopeColumns} FROM lane_dead_letters WHERE lane = $lane ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$lane", lane);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var letters = new List<DeadLetter>();
        while (reader.Read())
        {
            letters.Add(new DeadLetter(reader.GetInt64(0), reader.GetString(1), ReadEnvelope(reader, 4), reader.GetString(2), ParseTimestamp(reader.GetString(3))));
        }
        return letters;
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(string lane, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        await InitializeAsync(cancellationToken);
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM lane_dead_letters WHERE lane = $lane";
        command.Parameters.AddWithValue("$lane", lane);
        return (long)command.ExecuteScalar()!;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string lane, long id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lane);
        var removed = await SubmitAsync(transaction =>
        {
            var command = _removeDeadLetter!;
            command.Transaction = transaction;
            command.Parameters["$lane"].Value = lane;
            command.Parameters["$id"].Value = id;
            return command.ExecuteNonQuery();
        }, cancellationToken);
        return removed > 0;
    }

    /// <summary>Stops accepting changes, commits everything already queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            loop = _writeLoop;
        }
        LaneInstruments.RemoveSources(this);
        _writes.Writer.TryComplete();
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }
        _insertMessage?.Dispose();
        _acknowledge?.Dispose();
        _insertDeadLetter?.Dispose();
        _removeDeadLetter?.Dispose();
        if (_writer is not null)
        {
            // Pooled connections would keep the file open after the store is gone (a test deleting its folder, a new
            // store on the same file); cleared first so the writer, too, is closed rather than parked in the pool.
            SqliteConnection.ClearPool(_writer);
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous form of <see cref="DisposeAsync"/> for containers that dispose synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Initialize()
    {
        Directory.CreateDirectory(DataDirectory);
        var writer = new SqliteConnection(_connectionString);
        try
        {
            writer.Open();
            using (var pragmas = writer.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
                pragmas.ExecuteNonQuery();
            }
            // BEGIN IMMEDIATE (the default of BeginTransaction): a second silo creating the same schema waits its turn.
            using (var transaction = writer.BeginTransaction())
            using (var schema = writer.CreateCommand())
            {
                schema.Transaction = transaction;
                schema.CommandText = LaneSchemaScript.Read(LaneSchemaScript.Sqlite);
                schema.ExecuteNonQuery();
                transaction.Commit();
            }
            PrepareWriterCommands(writer);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        lock (_gate)
        {
            if (_disposed)
            {
                writer.Dispose();
                throw new ObjectDisposedException(nameof(SqliteLaneStore));
            }
            _writer = writer;
            _writeLoop = Task.Run(WriteLoopAsync);
        }
    }

    private void PrepareWriterCommands(SqliteConnection writer)
    {
        _insertMessage = writer.CreateCommand();
        _insertMessage.CommandText =
            $"""
            INSERT INTO lane_messages (lane, partition_no, stream_namespace, stream_key, {EnvelopeColumns})
            VALUES ($lane, $partition, $namespace, $key, $tenant, $entity, $source, $seq, $type, $occurred, $enqueued, $payload)
            RETURNING id
            """;
        foreach (var name in new[] { "$lane", "$partition", "$namespace", "$key", "$tenant", "$entity", "$source", "$seq", "$type", "$occurred", "$enqueued", "$payload" })
        {
            _insertMessage.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _acknowledge = writer.CreateCommand();
        _acknowledge.CommandText = "DELETE FROM lane_messages WHERE lane = $lane AND partition_no = $partition AND id <= $through";
        foreach (var name in new[] { "$lane", "$partition", "$through" })
        {
            _acknowledge.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _insertDeadLetter = writer.CreateCommand();
        _insertDeadLetter.CommandText =
            $"""
            INSERT INTO lane_dead_letters (lane, reason, failed_at, partition_no, message_offset, stream_namespace, stream_key, {EnvelopeColumns})
            VALUES ($lane, $reason, $failed, $partition, $offset, $namespace, $key, $tenant, $entity, $source, $seq, $type, $occurred, $enqueued, $payload)
            RETURNING id
            """;
        foreach (var name in new[] { "$lane", "$reason", "$failed", "$partition", "$offset", "$namespace", "$key", "$tenant", "$entity", "$source", "$seq", "$type", "$occurred", "$enqueued", "$payload" })
        {
            _insertDeadLetter.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _removeDeadLetter = writer.CreateCommand();
        _removeDeadLetter.CommandText = "DELETE FROM lane_dead_letters WHERE lane = $lane AND id = $id";
        foreach (var name in new[] { "$lane", "$id" })
        {
            _removeDeadLetter.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
    }

    private Task<long> InsertDeadLetterAsync(
        string lane, EventEnvelope envelope, string reason, (int Partition, long Offset, string? Namespace, string Key)? origin, CancellationToken cancellationToken)
    {
        var failedAt = DateTimeOffset.UtcNow;
        return SubmitAsync(transaction =>
        {
            var command = _insertDeadLetter!;
            command.Transaction = transaction;
            var parameters = command.Parameters;
            parameters["$lane"].Value = lane;
            parameters["$reason"].Value = reason;
            parameters["$failed"].Value = FormatTimestamp(failedAt);
            parameters["$partition"].Value = origin is { } o1 ? o1.Partition : DBNull.Value;
            parameters["$offset"].Value = origin is { } o2 ? o2.Offset : DBNull.Value;
            parameters["$namespace"].Value = (object?)origin?.Namespace ?? DBNull.Value;
            parameters["$key"].Value = (object?)origin?.Key ?? DBNull.Value;
            BindEnvelope(parameters, envelope);
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);
    }

    private async Task<long> SubmitAsync(Func<SqliteTransaction, long> apply, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await InitializeAsync(cancellationToken);
        var write = new LaneWrite(apply);
        if (!_writes.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteLaneStore), "The lane store is shut down; nothing was written.");
        }
        return await write.Completion.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _writes.Reader;
        var batch = new List<LaneWrite>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxWritesPerTransaction && reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            Commit(batch);
        }
    }

    private void Commit(List<LaneWrite> batch)
    {
        var results = new long[batch.Count];
        try
        {
            using var transaction = _writer!.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = batch[i].Apply(transaction);
            }
            transaction.Commit();
            Interlocked.Increment(ref _committedTransactions);
        }
        catch (Exception exception)
        {
            // Rolled back (the transaction's Dispose): none of these changes happened, and every caller learns it.
            foreach (var write in batch)
            {
                write.Fail(exception);
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Succeed(results[i]);
        }
    }

    private IEnumerable<Measurement<long>> MeasureLag()
    {
        var counts = new Dictionary<(string Lane, int Partition), long>();
        lock (_gate)
        {
            foreach (var (lane, partitions) in _declaredLanes)
            {
                for (var partition = 0; partition < partitions; partition++)
                {
                    counts[(lane, partition)] = 0;
                }
            }
        }
        if (!TryQuery("SELECT lane, partition_no, COUNT(*) FROM lane_messages GROUP BY lane, partition_no", reader =>
            {
                counts[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
            }))
        {
            return [];
        }
        return counts.Select(c => LaneInstruments.LagMeasurement(c.Key.Lane, c.Key.Partition, c.Value)).ToList();
    }

    private IEnumerable<Measurement<long>> MeasureDeadLetterDepth()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var lane in _declaredLanes.Keys)
            {
                counts[lane] = 0;
            }
        }
        if (!TryQuery("SELECT lane, COUNT(*) FROM lane_dead_letters GROUP BY lane", reader =>
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }))
        {
            return [];
        }
        return counts.Select(c => LaneInstruments.DeadLetterDepthMeasurement(c.Key, c.Value)).ToList();
    }

    // For the gauges: they are read on the collector's thread, synchronously, and must not throw into it.
    private bool TryQuery(string sql, Action<SqliteDataReader> row)
    {
        lock (_gate)
        {
            if (_disposed || _initialization is not { IsCompletedSuccessfully: true })
            {
                return false;
            }
        }
        try
        {
            using var connection = OpenReader();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                row(reader);
            }
            return true;
        }
        catch (SqliteException exception)
        {
            _logger.LogWarning(exception, "Could not read lane metrics from {DatabasePath}; this collection omits them.", DatabasePath);
            return false;
        }
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Bind(SqliteCommand command, string lane, int partition, LaneMessage message)
    {
        var parameters = command.Parameters;
        parameters["$lane"].Value = lane;
        parameters["$partition"].Value = partition;
        parameters["$namespace"].Value = (object?)message.StreamNamespace ?? DBNull.Value;
        parameters["$key"].Value = message.StreamKey;
        BindEnvelope(parameters, message.Envelope);
    }

    private static void BindEnvelope(SqliteParameterCollection parameters, EventEnvelope envelope)
    {
        parameters["$tenant"].Value = envelope.Tenant;
        parameters["$entity"].Value = envelope.Entity;
        parameters["$source"].Value = envelope.Source;
        parameters["$seq"].Value = envelope.Seq;
        parameters["$type"].Value = envelope.Type;
        parameters["$occurred"].Value = FormatTimestamp(envelope.OccurredAt);
        parameters["$enqueued"].Value = envelope.EnqueuedAt is { } enqueuedAt ? FormatTimestamp(enqueuedAt) : DBNull.Value;
        parameters["$payload"].Value = envelope.Payload;
    }

    // Columns in the order of EnvelopeColumns, starting at `first`.
    private static EventEnvelope ReadEnvelope(SqliteDataReader reader, int first) =>
        new(
            Tenant: reader.GetString(first),
            Entity: reader.GetString(first + 1),
            Source: reader.GetString(first + 2),
            Seq: reader.GetInt64(first + 3),
            Type: reader.GetString(first + 4),
            OccurredAt: ParseTimestamp(reader.GetString(first + 5)),
            Payload: reader.GetString(first + 7))
        {
            EnqueuedAt = reader.IsDBNull(first + 6) ? null : ParseTimestamp(reader.GetString(first + 6)),
        };

    private static string FormatTimestamp(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static void ThrowIfIncomplete(LaneMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.StreamKey is null)
        {
            throw new ArgumentException("A lane message needs a stream key.", nameof(message));
        }
        ThrowIfIncomplete(message.Envelope);
    }

    private static void ThrowIfIncomplete(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Tenant is null || envelope.Entity is null || envelope.Source is null || envelope.Type is null || envelope.Payload is null)
        {
            throw new ArgumentException(
                $"Envelope {envelope.Entity}/{envelope.Source}/{envelope.Seq} has a null field; tenant, entity, source, type and payload are required.",
                nameof(envelope));
        }
    }
}
