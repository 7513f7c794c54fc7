using Actors.Streaming.Lanes;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>
/// What one silo knows about one partition it reads: the messages in flight (read, not yet delivered), the commit
/// window, dead letters still to be written, and the numbers behind the lag metric. Shared by the partition's receiver,
/// its queue cache and its delivery-failure handler, which run on different threads, so every member locks.
/// </summary>
internal sealed class KafkaPartitionState
{
    private readonly object _gate = new();
    private readonly OffsetCommitWindow _window;
    private readonly Dictionary<long, LaneBatchContainer> _inFlight = [];
    private readonly Dictionary<StreamId, (long Offset, string Reason)> _lastFailure = [];
    private readonly List<KafkaDeadLetterRecord> _pendingDeadLetters = [];
    private readonly TimeProvider _time;
    private long _highWatermark = -1;
    private long _delivered;
    private long _deadLettered;

    public KafkaPartitionState(string lane, QueueId queue, string topic, int partition, long startOffset, TimeProvider time)
    {
        Lane = lane;
        Queue = queue;
        Topic = topic;
        Partition = partition;
        _time = time;
        _window = new OffsetCommitWindow(startOffset);
    }

    public string Lane { get; }

    public QueueId Queue { get; }

    public string Topic { get; }

    public int Partition { get; }

    /// <summary>High watermark minus committed offset: messages the lane still owes this partition.</summary>
    public long Lag
    {
        get
        {
            lock (_gate)
            {
                return _highWatermark < 0 ? 0 : Math.Max(0, _highWatermark - _window.Committed);
            }
        }
    }

    /// <summary>Messages read and not settled yet (in flight, or waiting for their dead letter): what a stopping silo drains.</summary>
    public int Unsettled
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count + _pendingDeadLetters.Count;
            }
        }
    }

    public void Accept(LaneBatchContainer container)
    {
        var offset = container.Token.SequenceNumber;
        lock (_gate)
        {
            _window.Track(offset);
            _inFlight[offset] = container;
        }
    }

    /// <summary>A message that can never be delivered (unparseable, unknown type): it is settled once its dead letter is written.</summary>
    public void AcceptUndeliverable(KafkaDeadLetterRecord deadLetter)
    {
        lock (_gate)
        {
            _window.Track(deadLetter.Origin!.Offset);
            _pendingDeadLetters.Add(deadLetter);
        }
    }

    /// <summary>Settles what Orleans reports delivered (purged from its cache); returns how many were new.</summary>
    public int Delivered(IEnumerable<IBatchContainer> messages)
    {
        var count = 0;
        lock (_gate)
        {
            foreach (var message in messages)
            {
                if (message is LaneBatchContainer container && _inFlight.Remove(container.Token.SequenceNumber))
                {
                    _window.Settle(container.Token.SequenceNumber);
                    count++;
                }
            }
            _delivered += count;
        }
        return count;
    }

    public bool TryGetInFlight(long offset, out LaneBatchContainer container)
    {
        lock (_gate)
        {
            return _inFlight.TryGetValue(offset, out container!);
        }
    }

    /// <summary>Remembers why delivery on <paramref name="stream"/> failed, for siblings of the failed event in the same batch.</summary>
    public void RecordDeliveryFailure(StreamId stream, long offset, string reason)
    {
        lock (_gate)
        {
            _lastFailure[stream] = (offset, reason);
        }
    }

    /// <summary>The dead letter of <paramref name="offset"/> is durable: the offset no longer holds the commit back.</summary>
    public void DeadLettered(long offset)
    {
        lock (_gate)
        {
            _inFlight.Remove(offset);
            _window.Settle(offset);
            _deadLettered++;
        }
    }

    /// <summary>
    /// Orleans dropped <paramref name="message"/> from its cache without reporting it delivered: its delivery failed.
    /// The failure handler has normally dead-lettered it already; if not (it was one of several events in a failed
    /// batch, or the dead-letter write failed), it is queued here so it is written before its offset is committed.
    /// </summary>
    public void Dropped(IBatchContainer message)
    {
        if (message is not LaneBatchContainer container)
        {
            return;
        }
        var offset = container.Token.SequenceNumber;
        lock (_gate)
        {
            if (!_inFlight.Remove(offset))
            {
                return;
            }
            var reason = _lastFailure.TryGetValue(container.StreamId, out var failure) && failure.Offset != offset
                ? $"delivered in one batch with offset {failure.Offset}, whose delivery failed: {failure.Reason}"
                : failure.Reason ?? "its delivery failed and the pulling agent gave up on it";
            _pendingDeadLetters.Add(DeadLetterOf(container, reason));
        }
    }

    public KafkaDeadLetterRecord DeadLetterOf(LaneBatchContainer container, string reason) =>
        new(Lane, reason, _time.GetUtcNow(), new KafkaMessageOrigin(Topic, Partition, container.Token.SequenceNumber), container.Envelope, null, null);

    public IReadOnlyList<KafkaDeadLetterRecord> TakePendingDeadLetters()
    {
        lock (_gate)
        {
            var taken = _pendingDeadLetters.ToList();
            _pendingDeadLetters.Clear();
            return taken;
        }
    }

    public void ReturnPendingDeadLetters(IEnumerable<KafkaDeadLetterRecord> unwritten)
    {
        lock (_gate)
        {
            _pendingDeadLetters.InsertRange(0, unwritten);
        }
    }

    /// <summary>The offset to commit, when it is ahead of the last commit.</summary>
    public long? CommitCandidate()
    {
        lock (_gate)
        {
            var committable = _window.Committable;
            return committable > _window.Committed ? committable : null;
        }
    }

    public void MarkCommitted(long offset)
    {
        lock (_gate)
        {
            _window.MarkCommitted(offset);
        }
    }

    public void ObserveHighWatermark(long highWatermark)
    {
        lock (_gate)
        {
            _highWatermark = Math.Max(_highWatermark, highWatermark);
        }
    }

    public KafkaPartitionStatus Status()
    {
        lock (_gate)
        {
            return new KafkaPartitionStatus(
                Lane,
                Topic,
                Partition,
                _window.Committed,
                _highWatermark < 0 ? null : _highWatermark,
                _highWatermark < 0 ? 0 : Math.Max(0, _highWatermark - _window.Committed),
                _window.Pending,
                _delivered,
                _deadLettered);
        }
    }
}
