namespace Actors.Contracts.Events;

/// <summary>
/// The cluster's entry to the lanes: validates envelopes, routes them by type and returns once they are durably enqueued.
/// Stateless, so every silo runs as many as it needs.
/// </summary>
[Alias("events.ingress")]
public interface IEventIngressGrain : IGrainWithIntegerKey
{
    /// <summary>Validates, routes and enqueues one envelope. Throws <see cref="Errors.InvalidEventException"/> (nothing enqueued) for bad input.</summary>
    [Alias("publish")]
    Task<PublishReceipt> Publish(EventEnvelope envelope);

    /// <summary>Validates ALL envelopes first (nothing is enqueued if one is bad), then enqueues them.</summary>
    [Alias("publish-batch")]
    Task<List<PublishReceipt>> PublishBatch(List<EventEnvelope> envelopes);
}
