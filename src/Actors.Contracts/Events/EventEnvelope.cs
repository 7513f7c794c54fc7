namespace Actors.Contracts.Events;

/// <summary>
/// An event as it travels on a lane: <c>(Tenant, Entity, Source, Seq)</c> identify it, <c>Type</c> picks the lane and the
/// consumer, <c>Payload</c> is the event body as a JSON object (text). <c>(Entity, Source, Seq)</c> is the idempotency key.
/// The lane is never chosen by the caller: the cluster's routing table maps <c>Type</c> to a lane.
/// </summary>
[GenerateSerializer, Immutable, Alias("events.envelope")]
public sealed record EventEnvelope(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Entity,
    [property: Id(2)] string Source,
    [property: Id(3)] long Seq,
    [property: Id(4)] string Type,
    [property: Id(5)] DateTimeOffset OccurredAt,
    [property: Id(6)] string Payload)
{
    /// <summary>When the cluster accepted the envelope onto a lane (set by the cluster, for end-to-end latency).</summary>
    [Id(7)] public DateTimeOffset? EnqueuedAt { get; init; }
}
