namespace Actors.Contracts.Reconciliation;

/// <summary>A mismatch as a reconciliation pass finds it, before it is stored as a <see cref="ReconciliationException"/>.</summary>
/// <param name="Key">Account, window, plan and kind.</param>
/// <param name="Lines">The figures that disagree, ordered by subject then usage window.</param>
/// <param name="CorrectionMinor">
/// The signed adjustment that resolving it posts to the account (positive charges more, negative refunds); 0 when the
/// correction is not an adjustment (late usage is carried into the next invoice, drift is fixed by a rebuild).
/// </param>
/// <param name="Currency">ISO-4217 code of <paramref name="CorrectionMinor"/>.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.mismatch")]
public sealed record Mismatch(
    [property: Id(0)] ReconciliationKey Key,
    [property: Id(1)] IReadOnlyList<MismatchLine> Lines,
    [property: Id(2)] long CorrectionMinor,
    [property: Id(3)] string Currency);
