using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Actors.Streaming.Kafka;

/// <summary>
/// Orleans' <see cref="SimpleQueueCache"/> for one partition, plus the one thing the receiver cannot otherwise learn:
/// which messages left the cache WITHOUT being reported delivered. SimpleQueueCache purges a message whose delivery
/// failed (the pulling agent marks it) but leaves it out of the purged list it hands to MessagesDeliveredAsync, so the
/// offset would hold the commit back forever. Every such message is passed to <c>onDropped</c>, which makes sure it is
/// dead-lettered before its offset is committed. Messages leave the cache oldest first, in the order they were added.
/// </summary>
internal sealed class KafkaQueueCache(SimpleQueueCache inner, Action<IBatchContainer> onDropped) : IQueueCache
{
    private readonly Queue<IBatchContainer> _cachedInOrder = new();

    public int GetMaxAddCount() => inner.GetMaxAddCount();

    public void AddToCache(IList<IBatchContainer> messages)
    {
        var sizeBefore = inner.Size;
        try
        {
            inner.AddToCache(messages);
        }
        finally
        {
            // Whatever made it in (all of it, unless the cache overflowed part-way) must be tracked to stay in step.
            for (var i = 0; i < inner.Size - sizeBefore; i++)
            {
                _cachedInOrder.Enqueue(messages[i]);
            }
        }
    }

    public bool TryPurgeFromCache(out IList<IBatchContainer> purgedItems)
    {
        var sizeBefore = inner.Size;
        if (!inner.TryPurgeFromCache(out var purged))
        {
            purgedItems = null!;
            return false;
        }
        var reported = new HashSet<IBatchContainer>(purged, ReferenceEqualityComparer.Instance);
        for (var removed = sizeBefore - inner.Size; removed > 0; removed--)
        {
            var message = _cachedInOrder.Dequeue();
            if (!reported.Contains(message))
            {
                onDropped(message);
            }
        }
        purgedItems = purged;
        return true;
    }

    [Obsolete("Use TryGetCacheCursor instead.")]
    public IQueueCacheCursor GetCacheCursor(StreamId streamId, StreamSequenceToken? token)
    {
        var result = TryGetCacheCursor(streamId, token);
        return result.Kind == QueueCacheCursorResultKind.Success
            ? result.Cursor!
            : throw (result.CacheMiss?.ToException() ?? (Exception)new InvalidOperationException($"no cache cursor for {streamId}: {result.Kind}."));
    }

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursor(StreamId streamId, StreamSequenceToken? token) =>
        ((IQueueCache)inner).TryGetCacheCursor(streamId, token);

    public QueueCacheCursorResult<IQueueCacheCursor> TryGetCacheCursorAtPosition(StreamId streamId, StreamSubscriptionStartPosition startPosition) =>
        ((IQueueCache)inner).TryGetCacheCursorAtPosition(streamId, startPosition);

    public bool IsUnderPressure() => inner.IsUnderPressure();

    public void UpdateDeliveryProgress(StreamSequenceToken? earliestSubscriptionToken, DateTime utcNow) =>
        ((IQueueCache)inner).UpdateDeliveryProgress(earliestSubscriptionToken, utcNow);
}
