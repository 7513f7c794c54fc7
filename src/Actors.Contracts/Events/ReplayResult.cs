namespace Actors.Contracts.Events;

/// <summary>
/// What a DLQ replay did: <c>Replayed</c> envelopes were re-enqueued (and removed from the DLQ); <c>Rejected</c> ones were
/// refused by the ingress again and stay in the DLQ, with <c>Errors</c> saying why.
/// </summary>
[GenerateSerializer, Immutable, Alias("events.replay-result")]
public sealed record ReplayResult(
    [property: Id(0)] int Replayed,
    [property: Id(1)] int Rejected,
    [property: Id(2)] List<string> Errors);
