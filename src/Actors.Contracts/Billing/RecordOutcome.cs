namespace Actors.Contracts.Billing;

/// <summary>
/// The answer to recording an event. A duplicate gets the original outcome back, with <c>Duplicate = true</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("billing.record-outcome")]
public sealed record RecordOutcome(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Account,
    [property: Id(2)] string Source,
    [property: Id(3)] long Seq,
    [property: Id(4)] bool Duplicate,
    [property: Id(5)] long LedgerPosition,
    [property: Id(6)] long GlobalPosition,
    [property: Id(7)] DateTimeOffset RecordedAt);
