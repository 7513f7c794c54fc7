using Actors.Contracts.Events;
using Orleans.Streams;

namespace Actors.Tests.Lanes.Embedded;

public sealed class LanePublisherGrain : Grain, ILanePublisherGrain
{
    public async Task Publish(string lane, string streamKey, List<EventEnvelope> envelopes)
    {
        var stream = Stream(lane, streamKey);
        foreach (var envelope in envelopes)
        {
            await stream.OnNextAsync(envelope);
        }
    }

    public Task PublishBatch(string lane, string streamKey, List<EventEnvelope> envelopes) =>
        Stream(lane, streamKey).OnNextBatchAsync(envelopes);

    private IAsyncStream<EventEnvelope> Stream(string lane, string streamKey) =>
        this.GetStreamProvider(lane).GetStream<EventEnvelope>(StreamId.Create(EmbeddedLaneProbeGrain.ProbeNamespace, streamKey));
}
