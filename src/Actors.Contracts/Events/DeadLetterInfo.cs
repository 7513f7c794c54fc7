namespace Actors.Contracts.Events;

/// <summary>An envelope a lane gave up on, as operators see it.</summary>
[GenerateSerializer, Immutable, Alias("events.dead-letter")]
public sealed record DeadLetterInfo(
    [property: Id(0)] long Id,
    [property: Id(1)] string Lane,
    [property: Id(2)] EventEnvelope Envelope,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset FailedAt);
