namespace Actors.Streaming.Kafka;

/// <summary>
/// The offsets of one partition between "read" and "committed". Offsets settle in any order (streams deliver
/// independently, a retried event settles late), but only the contiguous settled prefix may be committed: committing
/// past an unsettled offset would skip it after a restart. Not thread-safe; <see cref="KafkaPartitionState"/> locks.
/// </summary>
internal sealed class OffsetCommitWindow
{
    private readonly Queue<long> _unsettledOrder = new();
    private readonly HashSet<long> _settled = [];
    private long _nextToRead;

    /// <param name="start">The offset reading starts at (the committed offset, or the partition's first offset).</param>
    public OffsetCommitWindow(long start)
    {
        _nextToRead = start;
        Committed = start;
    }

    /// <summary>The offset last committed: the next one a restarted reader would get.</summary>
    public long Committed { get; private set; }

    /// <summary>Offsets read and not yet settled-and-committable.</summary>
    public int Pending => _unsettledOrder.Count;

    /// <summary>Records that <paramref name="offset"/> was read. Offsets are read in increasing order; gaps are fine (compaction, transaction markers).</summary>
    public void Track(long offset)
    {
        if (offset < _nextToRead)
        {
            throw new InvalidOperationException($"offset {offset} was read after offset {_nextToRead - 1}; a partition is read in order.");
        }
        _unsettledOrder.Enqueue(offset);
        _nextToRead = offset + 1;
    }

    /// <summary>Records that <paramref name="offset"/> needs no more work (delivered, or safely dead-lettered).</summary>
    public void Settle(long offset)
    {
        if (_unsettledOrder.Count > 0 && offset >= _unsettledOrder.Peek() && offset < _nextToRead)
        {
            _settled.Add(offset);
        }
    }

    /// <summary>The offset to commit now: the first unsettled one, or the next to read when everything read is settled.</summary>
    public long Committable
    {
        get
        {
            while (_unsettledOrder.TryPeek(out var head) && _settled.Remove(head))
            {
                _unsettledOrder.Dequeue();
            }
            return _unsettledOrder.TryPeek(out var firstUnsettled) ? firstUnsettled : _nextToRead;
        }
    }

    /// <summary>Records a successful commit of <paramref name="offset"/>.</summary>
    public void MarkCommitted(long offset) => Committed = Math.Max(Committed, offset);
}
