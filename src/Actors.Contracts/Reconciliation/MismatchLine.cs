namespace Actors.Contracts.Reconciliation;

/// <summary>
/// One figure of a mismatch: what the ledger says (expected) against what the invoice or projection says (actual).
/// </summary>
/// <param name="Subject">A meter, or <c>balance</c> for a projection's balance.</param>
/// <param name="UsageWindow">The window of the usage (<c>yyyy-MM</c>), or null for a balance.</param>
/// <param name="ExpectedQuantity">Units according to the ledger.</param>
/// <param name="ActualQuantity">Units according to the invoice or projection.</param>
/// <param name="ExpectedAmountMinor">Amount according to the ledger (and plan), minor units.</param>
/// <param name="ActualAmountMinor">Amount according to the invoice or projection, minor units.</param>
/// <param name="Currency">ISO-4217 code of the amounts.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.mismatch-line")]
public sealed record MismatchLine(
    [property: Id(0)] string Subject,
    [property: Id(1)] string? UsageWindow,
    [property: Id(2)] long ExpectedQuantity,
    [property: Id(3)] long ActualQuantity,
    [property: Id(4)] long ExpectedAmountMinor,
    [property: Id(5)] long ActualAmountMinor,
    [property: Id(6)] string Currency);
