using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Orleans.Concurrency;

namespace Actors.Grains.Reconciliation;

/// <summary>
/// The fan-out of a reconciliation run: each activation checks one batch at a time, and Orleans runs as many local
/// activations as there are cores, so a run's parallel batches spread over them.
/// </summary>
[StatelessWorker]
internal sealed class ReconciliationWorkerGrain(AccountBatchReconciler reconciler) : Grain, IReconciliationWorkerGrain
{
    public Task<ReconciliationBatchResult> Check(string tenant, string window, List<string> accounts) =>
        reconciler.CheckAsync(tenant, BillingWindow.Parse(window), accounts, CancellationToken.None);
}
