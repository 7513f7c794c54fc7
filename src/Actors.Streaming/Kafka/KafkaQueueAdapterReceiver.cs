using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Lanes;
using Actors.Streaming.Embedded;
using Actors.Streaming.Lanes;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>
/// Reads one partition of a lane topic for the pulling agent that owns the matching Orleans queue.
/// <list type="bullet">
/// <item>It assigns the partition itself (no group membership, so no rebalance pauses; Orleans' queue balancer decides
/// which silo reads which partition) and starts at the lane group's committed offset, or at the beginning.</item>
/// <item>Each message becomes a <see cref="LaneBatchContainer"/> whose stream is derived from the message itself
/// (namespace from the type's route, key <c>tenant/entity</c>), so messages other services wrote are delivered exactly
/// like our own, whichever partition they landed in. A message that does not parse, or whose type is unknown or has no
/// consumer, is dead-lettered with the reason instead.</item>
/// <item>It commits only the contiguous prefix of settled offsets (delivered, or durably dead-lettered), so a slow or
/// failing delivery is never skipped past; after a restart or a queue hand-over reading resumes there, and the
/// redelivered duplicates are absorbed by the grains.</item>
/// </list>
/// librdkafka calls block, so they run on the thread pool, never on the agent's Orleans scheduler turn.
/// </summary>
internal sealed class KafkaQueueAdapterReceiver : IQueueAdapterReceiver
{
    private readonly string _lane;
    private readonly QueueId _queue;
    private readonly KafkaLaneSettings _settings;
    private readonly TopicPartition _topicPartition;
    private readonly KafkaConnection _connection;
    private readonly KafkaPartitionDirectory _partitions;
    private readonly KafkaDeadLetterQueue _deadLetters;
    private readonly EventRoutingTable _routing;
    private readonly KafkaInstruments _instruments;
    private readonly ILogger _logger;
    private readonly LaneStopSignal _stopSignal;
    private IConsumer<byte[]?, byte[]?>? _consumer;
    private KafkaPartitionState? _state;
    private IDisposable? _drainRegistration;

    public KafkaQueueAdapterReceiver(
        string lane,
        QueueId queue,
        KafkaLaneSettings settings,
        KafkaConnection connection,
        KafkaPartitionDirectory partitions,
        KafkaDeadLetterQueue deadLetters,
        EventRoutingTable routing,
        KafkaInstruments instruments,
        LaneStopSignal stopSignal,
        ILogger logger)
    {
        _stopSignal = stopSignal;
        _lane = lane;
        _queue = queue;
        _settings = settings;
        _topicPartition = new TopicPartition(settings.Topic, (int)queue.GetNumericId());
        _connection = connection;
        _partitions = partitions;
        _deadLetters = deadLetters;
        _routing = routing;
        _instruments = instruments;
        _logger = logger;
    }

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var consumer = _connection.CreateConsumer(_settings.ConsumerGroup, _settings.PollPeriod);
        try
        {
            var start = await Task.Run(() => StartOffset(consumer, timeout), cancellationToken);
            consumer.Assign(new TopicPartitionOffset(_topicPartition, start));
            _state = _partitions.Open(_lane, _queue, _topicPartition.Topic, _topicPartition.Partition, start);
            _consumer = consumer;
            _drainRegistration ??= _stopSignal.Track(this, () => _state?.Unsettled ?? 0);
            _logger.LogInformation("{Lane} lane: reading {TopicPartition} from offset {Offset}.", _lane, _topicPartition, start);
        }
        catch
        {
            consumer.Dispose();
            throw;
        }
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        if (_consumer is null || _state is null)
        {
            // Initialization failed earlier (e.g. brokers unreachable at start-up); the agent keeps polling, so try again.
            await Initialize(_connection.Options.StartupTimeout, cancellationToken);
        }
        var (consumer, state) = (_consumer!, _state!);
        await SettleAndCommitAsync(state, consumer, cancellationToken);
        if (_stopSignal.IsStopping)
        {
            // A stopping silo reads nothing new (see LaneStopSignal); what it read is delivered, settled and committed.
            return [];
        }

        var limit = maxCount > 0 ? maxCount : Math.Max(1, _settings.CacheSize / 10);
        var read = await Task.Run(() => Consume(consumer, limit), cancellationToken);
        var containers = new List<IBatchContainer>(read.Count);
        foreach (var result in read)
        {
            if (TryContainer(result, out var container, out var parsed, out var reason))
            {
                state.Accept(container);
                containers.Add(container);
            }
            else
            {
                // An envelope that parsed is kept as such (replayable once routing knows its type); otherwise the bytes.
                state.AcceptUndeliverable(new KafkaDeadLetterRecord(
                    _lane,
                    reason,
                    DateTimeOffset.UtcNow,
                    new KafkaMessageOrigin(result.Topic, result.Partition.Value, result.Offset.Value),
                    parsed,
                    parsed is null ? result.Message.Key : null,
                    parsed is null ? result.Message.Value : null));
            }
        }
        var watermarks = consumer.GetWatermarkOffsets(_topicPartition);
        if (watermarks.High != Offset.Unset)
        {
            state.ObserveHighWatermark(watermarks.High.Value);
        }
        if (containers.Count < read.Count)
        {
            try
            {
                await WritePendingDeadLettersAsync(state, cancellationToken);
            }
            catch (Exception failed) when (failed is KafkaException or TimeoutException)
            {
                // Not thrown: the messages read above must reach the cache. The dead letters stay queued (their offsets
                // unsettled, so nothing is committed past them) and are written on the next poll.
                _logger.LogWarning(failed, "{Lane} lane: could not dead-letter undeliverable messages of {TopicPartition} yet.", _lane, _topicPartition);
            }
        }
        return containers;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        if (_consumer is null || _state is null)
        {
            return;
        }
        _instruments.Delivered(_lane, _topicPartition.Partition, _state.Delivered(messages));
        await SettleAndCommitAsync(_state, _consumer, cancellationToken);
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (consumer, state) = (_consumer, _state);
        _consumer = null;
        _state = null;
        _drainRegistration?.Dispose();
        _drainRegistration = null;
        if (consumer is null || state is null)
        {
            return;
        }
        try
        {
            // Hand the next reader as much progress as is safely settled; anything later is redelivered there.
            await SettleAndCommitAsync(state, consumer, cancellationToken);
        }
        finally
        {
            _partitions.Close(state);
            await Task.Run(() =>
            {
                consumer.Close();
                consumer.Dispose();
            }, CancellationToken.None);
            _logger.LogInformation("{Lane} lane: stopped reading {TopicPartition} (committed up to {Offset}).", _lane, _topicPartition, state.Status().CommittedOffset);
        }
    }

    private long StartOffset(IConsumer<byte[]?, byte[]?> consumer, TimeSpan timeout)
    {
        var committed = consumer.Committed([_topicPartition], timeout).Single().Offset;
        if (committed.Value >= 0)
        {
            return committed.Value;
        }
        // Never committed (new topic or group): start at the oldest message the broker still has.
        return consumer.QueryWatermarkOffsets(_topicPartition, timeout).Low.Value;
    }

    private List<ConsumeResult<byte[]?, byte[]?>> Consume(IConsumer<byte[]?, byte[]?> consumer, int limit)
    {
        // librdkafka prefetches in the background, so a zero timeout takes what has arrived without holding a thread;
        // an idle partition is polled again at the lane's poll period.
        var read = new List<ConsumeResult<byte[]?, byte[]?>>();
        try
        {
            while (read.Count < limit && consumer.Consume(TimeSpan.Zero) is { } result)
            {
                read.Add(result);
            }
        }
        catch (ConsumeException failed) when (read.Count > 0)
        {
            // Keep what was read (it is now past the consumer's position); the error comes back on the next poll.
            _logger.LogWarning(failed, "{Lane} lane: reading {TopicPartition} stopped after {Count} message(s).", _lane, _topicPartition, read.Count);
        }
        return read;
    }

    private bool TryContainer(ConsumeResult<byte[]?, byte[]?> result, out LaneBatchContainer container, out EventEnvelope? parsed, out string reason)
    {
        container = null!;
        parsed = null;
        if (result.Message.Value is not { } value)
        {
            reason = "the message has no value (a tombstone); a lane message is one JSON envelope.";
            return false;
        }
        if (!KafkaEnvelopeCodec.TryParse(value, out var envelope, out var error))
        {
            reason = $"unparseable envelope: {error}";
            return false;
        }
        parsed = envelope;
        EventRoute route;
        try
        {
            route = _routing.Route(envelope.Type);
        }
        catch (InvalidEventException unknown)
        {
            reason = unknown.Message;
            return false;
        }
        if (!route.HasConsumer)
        {
            // Delivered, it would reach no grain and be committed: lost. Dead-lettered, it can be replayed once a consumer exists.
            reason = $"'{envelope.Type}' is routed to '{route.EntityKind}', which has no consumer in this version of the cluster.";
            return false;
        }
        if (envelope.EnqueuedAt is null && result.Message.Timestamp.Type != TimestampType.NotAvailable)
        {
            // A message written straight into the topic was enqueued when Kafka stamped it.
            envelope = envelope with { EnqueuedAt = result.Message.Timestamp.UtcDateTime };
        }
        var stream = StreamId.Create(route.EntityKind, EntityKey.Format(envelope.Tenant, envelope.Entity));
        container = new LaneBatchContainer(stream, envelope, new EventSequenceTokenV2(result.Offset.Value));
        reason = "";
        return true;
    }

    private async Task SettleAndCommitAsync(KafkaPartitionState state, IConsumer<byte[]?, byte[]?> consumer, CancellationToken cancellationToken)
    {
        await WritePendingDeadLettersAsync(state, cancellationToken);
        if (state.CommitCandidate() is not { } offset)
        {
            return;
        }
        await Task.Run(() => consumer.Commit([new TopicPartitionOffset(_topicPartition, offset)]), cancellationToken);
        state.MarkCommitted(offset);
    }

    private async Task WritePendingDeadLettersAsync(KafkaPartitionState state, CancellationToken cancellationToken)
    {
        var pending = state.TakePendingDeadLetters();
        for (var i = 0; i < pending.Count; i++)
        {
            try
            {
                await _deadLetters.WriteAsync(pending[i], cancellationToken);
            }
            catch
            {
                // Unwritten dead letters keep their offsets unsettled; they are retried on the next poll.
                state.ReturnPendingDeadLetters(pending.Skip(i));
                throw;
            }
            state.DeadLettered(pending[i].Origin!.Offset);
        }
    }
}
