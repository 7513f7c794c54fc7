namespace Actors.Contracts.Reconciliation;

/// <summary>How many exceptions have one status and kind.</summary>
/// <param name="Status">The status.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.exception-count")]
public sealed record ExceptionCount(
    [property: Id(0)] ExceptionStatus Status,
    [property: Id(1)] MismatchKind Kind,
    [property: Id(2)] long Count);
