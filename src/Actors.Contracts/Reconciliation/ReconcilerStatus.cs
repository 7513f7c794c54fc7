namespace Actors.Contracts.Reconciliation;

/// <summary>A tenant's reconciler: its recent runs and its exceptions counted by status and kind.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="RecentRuns">The newest runs, newest first.</param>
/// <param name="Counts">Exceptions per status and kind (only non-zero counts).</param>
[GenerateSerializer, Immutable, Alias("reconciliation.status")]
public sealed record ReconcilerStatus(
    [property: Id(0)] string Tenant,
    [property: Id(1)] IReadOnlyList<ReconciliationRun> RecentRuns,
    [property: Id(2)] IReadOnlyList<ExceptionCount> Counts);
