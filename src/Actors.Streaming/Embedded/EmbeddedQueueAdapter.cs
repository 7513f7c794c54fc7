using System.Collections.Concurrent;
using Actors.Contracts.Events;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Actors.Streaming.Embedded;

/// <summary>
/// The producing side of one embedded lane: an envelope published on one of the lane's streams is written to the
/// stream's partition, and the publish completes only once that write is committed to disk.
/// </summary>
internal sealed class EmbeddedQueueAdapter : IQueueAdapter
{
    private readonly SqliteLaneStore _store;
    private readonly IStreamQueueMapper _mapper;
    private readonly EmbeddedLaneSettings _settings;
    private readonly LaneStopSignal _stopSignal;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentDictionary<QueueId, EmbeddedQueueAdapterReceiver> _receivers = new();

    public EmbeddedQueueAdapter(
        string lane, SqliteLaneStore store, IStreamQueueMapper mapper, EmbeddedLaneSettings settings, LaneStopSignal stopSignal, ILoggerFactory loggerFactory)
    {
        Name = lane;
        _store = store;
        _mapper = mapper;
        _settings = settings;
        _stopSignal = stopSignal;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The lane, which is also the stream provider's name.</summary>
    public string Name { get; }

    // Delivered messages are deleted, so a subscriber cannot rewind to them.
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (token is not null)
        {
            throw new ArgumentException($"Lane '{Name}' is not rewindable: publish without a sequence token.", nameof(token));
        }
        var enqueuedAt = DateTimeOffset.UtcNow;
        var messages = new List<LaneMessage>();
        foreach (var item in events)
        {
            if (item is not EventEnvelope envelope)
            {
                throw new ArgumentException(
                    $"Lane '{Name}' carries {nameof(EventEnvelope)}s only; stream {streamId} was given a {item?.GetType().Name ?? "null"}.", nameof(events));
            }
            // The cluster's acceptance time, for end-to-end latency; kept when the ingress stamped it already.
            messages.Add(new LaneMessage(streamId.GetNamespace(), streamId.GetKeyAsString(), envelope with { EnqueuedAt = envelope.EnqueuedAt ?? enqueuedAt }));
        }
        if (messages.Count == 0)
        {
            return;
        }
        var partition = (int)_mapper.GetQueueForStream(streamId).GetNumericId();
        // Not cancellable (Orleans passes no token): once the caller handed the envelopes over, it gets the commit's outcome.
        await _store.EnqueueAsync(Name, partition, messages, CancellationToken.None);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId)
    {
        var receiver = new EmbeddedQueueAdapterReceiver(
            Name, queueId, _store, _settings, _stopSignal, Forget, _loggerFactory.CreateLogger<EmbeddedQueueAdapterReceiver>());
        _receivers[queueId] = receiver;
        return receiver;
    }

    /// <summary>The receiver currently pulling <paramref name="queueId"/> in this silo, if any.</summary>
    public EmbeddedQueueAdapterReceiver? FindReceiver(QueueId queueId) => _receivers.GetValueOrDefault(queueId);

    private void Forget(EmbeddedQueueAdapterReceiver receiver) =>
        _receivers.TryRemove(new KeyValuePair<QueueId, EmbeddedQueueAdapterReceiver>(receiver.QueueId, receiver));
}
