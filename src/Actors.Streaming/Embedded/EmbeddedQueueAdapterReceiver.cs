using System.Diagnostics;
using Actors.Streaming.Lanes;
using Actors.Streaming.Telemetry;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Actors.Streaming.Embedded;

/// <summary>
/// Pulls one lane partition for its Orleans pulling agent: reads the partition's messages in offset order and deletes
/// them only once they are settled, always a contiguous prefix, so that a crash at any moment loses nothing (whatever
/// was not deleted is read again by the next receiver of the partition).
/// </summary>
/// <remarks>
/// A message is settled when Orleans reports it delivered (<see cref="MessagesDeliveredAsync(IList{IBatchContainer}, CancellationToken)"/>
/// is called with what <see cref="SimpleQueueCache"/> purges: messages every consumer cursor has passed, minus those whose
/// delivery failed) or when <see cref="DeadLetterAsync"/> moved it to the dead-letter queue. A failed message never shows
/// up as delivered, so without the dead-letter step the prefix, and with it every later acknowledgement of the partition,
/// would stop at it.
/// </remarks>
internal sealed class EmbeddedQueueAdapterReceiver : IQueueAdapterReceiver
{
    private readonly string _lane;
    private readonly int _partition;
    private readonly SqliteLaneStore _store;
    private readonly EmbeddedLaneSettings _settings;
    private readonly LaneStopSignal _stopSignal;
    private readonly Action<EmbeddedQueueAdapterReceiver> _onShutdown;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    // In read order, which is offset order: the head is the oldest unacknowledged message.
    private readonly Queue<InFlightLaneMessage> _inFlight = new();
    private readonly Dictionary<long, InFlightLaneMessage> _byOffset = [];
    private long _lastReadOffset;
    private IDisposable? _drainRegistration;

    public EmbeddedQueueAdapterReceiver(
        string lane, QueueId queueId, SqliteLaneStore store, EmbeddedLaneSettings settings, LaneStopSignal stopSignal,
        Action<EmbeddedQueueAdapterReceiver> onShutdown, ILogger logger)
    {
        _lane = lane;
        QueueId = queueId;
        _partition = (int)queueId.GetNumericId();
        _store = store;
        _settings = settings;
        _stopSignal = stopSignal;
        _onShutdown = onShutdown;
        _logger = logger;
    }

    public QueueId QueueId { get; }

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        lock (_gate)
        {
            // Start at the partition's oldest unacknowledged message: after a crash or a hand-over that redelivers what the
            // previous receiver delivered but had not acknowledged yet (at least once; consumers dedup).
            _lastReadOffset = 0;
            _inFlight.Clear();
            _byOffset.Clear();
        }
        _drainRegistration ??= _stopSignal.Track(this, UnsettledCount);
    }

    private int UnsettledCount()
    {
        lock (_gate)
        {
            return _inFlight.Count;
        }
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        // The agent passes what its cache can still take, or a negative number for "no limit".
        var max = maxCount < 0 ? _settings.BatchSize : Math.Min(maxCount, _settings.BatchSize);
        // A stopping silo reads nothing new: it could not deliver it before its agents stop (see LaneStopSignal).
        if (max == 0 || _stopSignal.IsStopping)
        {
            return [];
        }
        long after;
        lock (_gate)
        {
            after = _lastReadOffset;
        }
        var stored = await _store.ReadAsync(_lane, _partition, after, max, cancellationToken);
        var readAt = Stopwatch.GetTimestamp();
        var containers = new List<IBatchContainer>(stored.Count);
        lock (_gate)
        {
            foreach (var message in stored)
            {
                var entry = new InFlightLaneMessage(message, readAt);
                _inFlight.Enqueue(entry);
                _byOffset[message.Offset] = entry;
                _lastReadOffset = message.Offset;
                containers.Add(ToContainer(message));
            }
        }
        return containers;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        var delivered = 0;
        lock (_gate)
        {
            foreach (var message in messages)
            {
                if (message?.SequenceToken is { } token && _byOffset.TryGetValue(token.SequenceNumber, out var entry) && !entry.Settled)
                {
                    entry.Settled = true;
                    delivered++;
                }
            }
        }
        LaneInstruments.RecordDelivered(_lane, _partition, delivered);
        await AcknowledgeSettledPrefixAsync(cancellationToken);
    }

    /// <summary>
    /// Orleans gave up delivering the message at <paramref name="offset"/> to <paramref name="subscriptionId"/>: records it in the
    /// lane's dead-letter queue and settles its offset, so the partition's acknowledgements move past it.
    /// </summary>
    public async Task DeadLetterAsync(GuidId subscriptionId, StreamId streamId, long offset, CancellationToken cancellationToken)
    {
        InFlightLaneMessage? entry;
        lock (_gate)
        {
            _byOffset.TryGetValue(offset, out entry);
        }
        if (entry is null || entry.Settled)
        {
            // Another subscription of the same stream failed on it too and it is dead already, or it was read by an
            // earlier receiver of this partition: nothing is owed here.
            _logger.LogWarning(
                "Lane {Lane} partition {Partition}: delivery of offset {Offset} to {SubscriptionId} failed, but the offset is not pending here (already dead-lettered or acknowledged).",
                _lane, _partition, offset, subscriptionId);
            return;
        }
        if (IsAgentStopping(entry, out var why))
        {
            _logger.LogInformation(
                "Lane {Lane} partition {Partition}: the pulling agent stopped retrying offset {Offset} because {Why}; it stays queued for redelivery.",
                _lane, _partition, offset, why);
            return;
        }

        var reason =
            $"Delivery to subscription {subscriptionId} of stream {streamId} failed on every attempt: retried every {_settings.RetryDelay.TotalMilliseconds:0} ms " +
            $"for {_settings.DeliveryBudget.TotalMilliseconds:0} ms (up to {_settings.MaxDeliveryAttempts} attempts). Orleans does not hand the consumer's " +
            "exception to the lane; the silo log has it ('Failed to deliver message to consumer').";
        await _store.DeadLetterAsync(_lane, _partition, offset, entry.Stored.Message, reason, cancellationToken);
        _logger.LogWarning("Lane {Lane} partition {Partition}: offset {Offset} moved to the dead-letter queue: {Reason}", _lane, _partition, offset, reason);
        lock (_gate)
        {
            entry.Settled = true;
        }
        await AcknowledgeSettledPrefixAsync(cancellationToken);
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Nothing to flush: every settled prefix was acknowledged when it settled, and what is still in flight must stay
        // queued for the partition's next receiver.
        _drainRegistration?.Dispose();
        _drainRegistration = null;
        _onShutdown(this);
        return Task.CompletedTask;
    }

    // An agent also gives a message up when it stops (silo shut-down, partition handed to another silo) in the middle of
    // retrying it. Such a message must be redelivered, not dead-lettered.
    private bool IsAgentStopping(InFlightLaneMessage entry, out string why)
    {
        if (_stopSignal.IsStopping)
        {
            why = "the silo is stopping";
            return true;
        }
        // Orleans gives up for good only after DeliveryBudget has passed since its first attempt, which came after the read.
        // Sooner than that, it can only have been stopped. The margin absorbs the two clocks (Orleans times with DateTime).
        var waited = Stopwatch.GetElapsedTime(entry.ReadAt);
        if (waited < _settings.DeliveryBudget * 0.75)
        {
            why = $"it was stopped {waited.TotalMilliseconds:0} ms after the read, before the {_settings.DeliveryBudget.TotalMilliseconds:0} ms retry budget was spent";
            return true;
        }
        why = "";
        return false;
    }

    private async Task AcknowledgeSettledPrefixAsync(CancellationToken cancellationToken)
    {
        long? through = null;
        lock (_gate)
        {
            while (_inFlight.TryPeek(out var head) && head.Settled)
            {
                _inFlight.Dequeue();
                _byOffset.Remove(head.Offset);
                through = head.Offset;
            }
        }
        if (through is { } offset)
        {
            // Acknowledgements are idempotent and cumulative (delete up to an offset): if this one fails, the rows stay and
            // are redelivered after a restart, or the next acknowledgement covers them.
            await _store.AcknowledgeAsync(_lane, _partition, offset, cancellationToken);
        }
    }

    private static LaneBatchContainer ToContainer(StoredLaneMessage stored) =>
        new(StreamId.Create(stored.Message.StreamNamespace, stored.Message.StreamKey), stored.Message.Envelope, new EventSequenceTokenV2(stored.Offset));
}
