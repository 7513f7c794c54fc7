using Actors.Contracts.Events;
using Orleans.Runtime;

namespace Actors.Tests.Detection;

public sealed class RawLaneWriterGrain(TimeProvider time) : Grain, IRawLaneWriterGrain
{
    public Task Write(string lane, string streamNamespace, string streamKey, EventEnvelope envelope) =>
        this.GetStreamProvider(lane).GetStream<EventEnvelope>(StreamId.Create(streamNamespace, streamKey))
            .OnNextAsync(envelope with { EnqueuedAt = time.GetUtcNow() });
}
