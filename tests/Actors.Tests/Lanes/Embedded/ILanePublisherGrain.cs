using Actors.Contracts.Events;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>Publishes envelopes on a lane stream from inside the cluster, as the ingress grain does.</summary>
public interface ILanePublisherGrain : IGrainWithIntegerKey
{
    /// <summary>One <c>OnNextAsync</c> per envelope, in order; returns when all are durably enqueued.</summary>
    Task Publish(string lane, string streamKey, List<EventEnvelope> envelopes);

    /// <summary>One <c>OnNextBatchAsync</c> for all envelopes; returns when they are durably enqueued.</summary>
    Task PublishBatch(string lane, string streamKey, List<EventEnvelope> envelopes);
}
