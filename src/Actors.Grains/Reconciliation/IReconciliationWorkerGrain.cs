using Actors.Contracts.Reconciliation;

namespace Actors.Grains.Reconciliation;

/// <summary>Checks one batch of a tenant's accounts for one window and stores what it finds. Stateless: any silo, many at once.</summary>
[Alias("reconciliation.worker")]
public interface IReconciliationWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Checks <paramref name="accounts"/> of <paramref name="tenant"/> for <paramref name="window"/> (<c>yyyy-MM</c>).</summary>
    [Alias("check")]
    Task<ReconciliationBatchResult> Check(string tenant, string window, List<string> accounts);
}
