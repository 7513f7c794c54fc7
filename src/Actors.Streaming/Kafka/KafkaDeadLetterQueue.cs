using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Actors.Contracts.Events;
using Actors.Streaming.Lanes;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Actors.Streaming.Kafka;

/// <summary>
/// The lanes' dead-letter queues as Kafka topics. Every dead letter of a lane goes to partition 0 of its DLQ topic, so a
/// dead letter's id is simply its offset there and "oldest first" is the topic order. Kafka cannot delete one message,
/// so <see cref="RemoveAsync"/> records the id in <c>&lt;dlq&gt;.replayed</c> (keyed by id, compactable) and
/// <see cref="ListAsync"/> and <see cref="CountAsync"/> leave recorded ids out.
/// </summary>
public sealed class KafkaDeadLetterQueue : ILaneDeadLetterQueue
{
    private const int DeadLetterPartition = 0;
    private static readonly TimeSpan DepthMaxAge = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ReadPoll = TimeSpan.FromMilliseconds(50);

    private readonly KafkaConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Task> _topicsReady = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Depth, DateTimeOffset At)> _depths = new(StringComparer.Ordinal);
    private int _refreshingDepths;

    /// <summary>Creates the queue over <paramref name="connection"/>'s brokers.</summary>
    public KafkaDeadLetterQueue(KafkaConnection connection, TimeProvider time, ILogger<KafkaDeadLetterQueue> logger)
    {
        _connection = connection;
        _time = time;
        _logger = logger;
    }

    private TimeSpan RequestTimeout => _connection.Options.ProduceTimeout;

    /// <inheritdoc />
    public Task AddAsync(string lane, EventEnvelope envelope, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return WriteAsync(new KafkaDeadLetterRecord(lane, reason, _time.GetUtcNow(), null, envelope, null, null), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string lane, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0)
        {
            return [];
        }
        var settings = await ReadySettingsAsync(lane, cancellationToken);
        var replayed = await ReadReplayedAsync(settings, cancellationToken);
        var letters = new List<DeadLetter>();
        var (low, high) = await ReadPartitionAsync(
            settings,
            settings.DeadLetterTopicName,
            result =>
            {
                if (replayed.Contains(result.Offset.Value))
                {
                    return true;
                }
                letters.Add(ToDeadLetter(lane, settings, result));
                return letters.Count < max;
            },
            cancellationToken);
        RememberDepth(lane, Depth(low, high, replayed));
        return letters;
    }

    /// <inheritdoc />
    public async Task<long> CountAsync(string lane, CancellationToken cancellationToken)
    {
        var settings = await ReadySettingsAsync(lane, cancellationToken);
        var replayed = await ReadReplayedAsync(settings, cancellationToken);
        var (low, high) = await WatermarksAsync(settings, settings.DeadLetterTopicName, cancellationToken);
        var depth = Depth(low, high, replayed);
        RememberDepth(lane, depth);
        return depth;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string lane, long id, CancellationToken cancellationToken)
    {
        var settings = await ReadySettingsAsync(lane, cancellationToken);
        var (low, high) = await WatermarksAsync(settings, settings.DeadLetterTopicName, cancellationToken);
        if (id < low || id >= high)
        {
            return false;
        }
        var replayed = await ReadReplayedAsync(settings, cancellationToken);
        if (replayed.Contains(id))
        {
            return false;
        }
        var marker = new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture)),
            Value = Encoding.UTF8.GetBytes($"{{\"id\":{id},\"replayedAt\":\"{_time.GetUtcNow():O}\"}}"),
        };
        await _connection.Producer.ProduceAsync(new TopicPartition(settings.ReplayedTopicName, DeadLetterPartition), marker, cancellationToken);
        AdjustDepth(lane, -1);
        return true;
    }

    /// <summary>Durably writes one dead letter; returns its id (offset in the DLQ topic).</summary>
    internal async Task<long> WriteAsync(KafkaDeadLetterRecord record, CancellationToken cancellationToken)
    {
        var settings = await ReadySettingsAsync(record.Lane, cancellationToken);
        var headers = new Headers
        {
            { "actors-dlq-reason", Encoding.UTF8.GetBytes(record.Reason) },
            { "actors-dlq-lane", Encoding.UTF8.GetBytes(record.Lane) },
        };
        if (record.Origin is { } origin)
        {
            headers.Add("actors-dlq-origin", Encoding.UTF8.GetBytes($"{origin.Topic}/{origin.Partition}@{origin.Offset}"));
        }
        var message = new Message<byte[]?, byte[]> { Key = record.MessageKey, Value = record.Serialize(), Headers = headers };
        var delivered = await _connection.Producer.ProduceAsync(new TopicPartition(settings.DeadLetterTopicName, DeadLetterPartition), message, cancellationToken);
        AdjustDepth(record.Lane, +1);
        _logger.LogWarning(
            "Dead-lettered an event of the {Lane} lane to {Topic}@{Offset}: {Reason}",
            record.Lane, settings.DeadLetterTopicName, delivered.Offset.Value, record.Reason);
        return delivered.Offset.Value;
    }

    /// <summary>
    /// The last known depth per lane, for the gauge. Metric callbacks must not block on the network, so a stale value
    /// is returned at once and a refresh is started in the background (dead letters written by other silos show up
    /// within <see cref="DepthMaxAge"/>).
    /// </summary>
    internal IReadOnlyList<(string Lane, long Depth)> KnownDepths()
    {
        var now = _time.GetUtcNow();
        var stale = LaneNames.All.Any(lane => !_depths.TryGetValue(lane, out var known) || now - known.At > DepthMaxAge);
        if (stale && Interlocked.CompareExchange(ref _refreshingDepths, 1, 0) == 0)
        {
            _ = RefreshDepthsAsync();
        }
        return _depths.Select(d => (d.Key, d.Value.Depth)).ToList();
    }

    private async Task RefreshDepthsAsync()
    {
        try
        {
            foreach (var lane in LaneNames.All)
            {
                await CountAsync(lane, CancellationToken.None);
            }
        }
        catch (Exception failed) when (failed is KafkaException or TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning(failed, "Could not refresh the dead-letter depths of the Kafka lanes; the gauge keeps the last known values.");
        }
        finally
        {
            Volatile.Write(ref _refreshingDepths, 0);
        }
    }

    private async Task<KafkaLaneSettings> ReadySettingsAsync(string lane, CancellationToken cancellationToken)
    {
        var settings = _connection.Options.Lane(lane);
        var ready = _topicsReady.GetOrAdd(
            lane,
            _ => KafkaTopicDiscovery.PartitionCountsAsync(
                _connection,
                [settings.DeadLetterTopicName, settings.ReplayedTopicName],
                _connection.Options.StartupTimeout,
                CancellationToken.None));
        try
        {
            await ready.WaitAsync(cancellationToken);
        }
        catch (Exception) when (ready.IsFaulted)
        {
            // A failed discovery must not be cached: the next call asks the brokers again.
            _topicsReady.TryRemove(KeyValuePair.Create(lane, ready));
            throw;
        }
        return settings;
    }

    private DeadLetter ToDeadLetter(string lane, KafkaLaneSettings settings, ConsumeResult<byte[]?, byte[]?> result)
    {
        string error;
        if (result.Message.Value is not { } value)
        {
            error = "it has no value";
        }
        else if (KafkaDeadLetterRecord.TryParse(value, out var record, out var parseError))
        {
            return record.ToDeadLetter(result.Offset.Value);
        }
        else
        {
            error = parseError;
        }
        var unreadable = new KafkaDeadLetterRecord(
            lane,
            $"unreadable dead-letter message ({error})",
            result.Message.Timestamp.UtcDateTime,
            new KafkaMessageOrigin(settings.DeadLetterTopicName, DeadLetterPartition, result.Offset.Value),
            null,
            result.Message.Key,
            result.Message.Value);
        return unreadable.ToDeadLetter(result.Offset.Value);
    }

    private async Task<HashSet<long>> ReadReplayedAsync(KafkaLaneSettings settings, CancellationToken cancellationToken)
    {
        var replayed = new HashSet<long>();
        await ReadPartitionAsync(
            settings,
            settings.ReplayedTopicName,
            result =>
            {
                if (result.Message.Key is { } key && long.TryParse(Encoding.UTF8.GetString(key), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    replayed.Add(id);
                }
                return true;
            },
            cancellationToken);
        return replayed;
    }

    private Task<(long Low, long High)> WatermarksAsync(KafkaLaneSettings settings, string topic, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var consumer = _connection.CreateConsumer(ReaderGroup(settings), ReadPoll);
                var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition(topic, DeadLetterPartition), RequestTimeout);
                return (watermarks.Low.Value, watermarks.High.Value);
            },
            cancellationToken);

    /// <summary>Reads partition 0 of <paramref name="topic"/> from its start to its current end, or until <paramref name="each"/> returns false.</summary>
    private Task<(long Low, long High)> ReadPartitionAsync(
        KafkaLaneSettings settings,
        string topic,
        Func<ConsumeResult<byte[]?, byte[]?>, bool> each,
        CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                using var consumer = _connection.CreateConsumer(ReaderGroup(settings), ReadPoll);
                var partition = new TopicPartition(topic, DeadLetterPartition);
                var watermarks = consumer.QueryWatermarkOffsets(partition, RequestTimeout);
                var (low, high) = (watermarks.Low.Value, watermarks.High.Value);
                if (high <= low)
                {
                    return (low, high);
                }
                consumer.Assign(new TopicPartitionOffset(partition, low));
                var deadline = DateTime.UtcNow + RequestTimeout;
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var result = consumer.Consume(ReadPoll);
                    if (result is null)
                    {
                        if (DateTime.UtcNow > deadline)
                        {
                            throw new TimeoutException($"reading {topic} [{DeadLetterPartition}] up to offset {high} took longer than {RequestTimeout.TotalSeconds:0} s.");
                        }
                        continue;
                    }
                    if (!each(result) || result.Offset.Value >= high - 1)
                    {
                        return (low, high);
                    }
                }
            },
            cancellationToken);

    // A reader group is never committed to; it only exists because librdkafka consumers carry a group id.
    private static string ReaderGroup(KafkaLaneSettings settings) => settings.ConsumerGroup + ".dlq-reader";

    private static long Depth(long low, long high, HashSet<long> replayed) =>
        Math.Max(0, high - low - replayed.Count(id => id >= low && id < high));

    private void RememberDepth(string lane, long depth) => _depths[lane] = (depth, _time.GetUtcNow());

    private void AdjustDepth(string lane, long change) =>
        _depths.AddOrUpdate(lane, _ => (Math.Max(0, change), DateTimeOffset.MinValue), (_, known) => (Math.Max(0, known.Depth + change), known.At));
}
