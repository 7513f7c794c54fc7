namespace Actors.Contracts;

/// <summary>One row of an entity's append-only ledger as callers see it. <c>Payload</c> is the event as JSON.</summary>
[GenerateSerializer, Immutable, Alias("ledger.record")]
public sealed record LedgerRecord(
    [property: Id(0)] long GlobalPosition,
    [property: Id(1)] long Position,
    [property: Id(2)] string Source,
    [property: Id(3)] long Seq,
    [property: Id(4)] string Type,
    [property: Id(5)] DateTimeOffset OccurredAt,
    [property: Id(6)] DateTimeOffset RecordedAt,
    [property: Id(7)] string Payload);
