using Actors.Client;
using Actors.Contracts.Projections;
using Actors.Contracts.Reconciliation;

namespace Actors.Cli.Chaos;

/// <summary>
/// Issues the run's invoices for its window, waits for the balances projection to catch up with the ledgers, then has
/// the reconciler check every account: after a chaos run it must find no mismatch of any kind.
/// </summary>
public sealed class ChaosReconciliation(ActorsClient client, string tenant)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs invoicing and reconciliation of <paramref name="window"/> (<c>yyyy-MM</c>) and reports it as one check.</summary>
    public async Task<ChaosCheck> CheckAsync(string window, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var issued = await client.Invoices.IssueAsync(tenant, window, cancellationToken: deadline.Token);
            await ProjectionCaughtUpAsync(deadline.Token);
            var run = await client.Reconciliation.StartRunAsync(tenant, window, deadline.Token);
            using var ticks = new PeriodicTimer(PollInterval);
            while (run.State == RunState.Running && await ticks.WaitForNextTickAsync(deadline.Token))
            {
                run = await client.Reconciliation.GetRunAsync(tenant, run.RunId, deadline.Token) ?? run;
            }
            var mismatches = run.MismatchesByKind.Where(p => p.Value > 0).ToList();
            var passed = run.State == RunState.Completed && mismatches.Count == 0;
            var detail = run.State == RunState.Failed
                ? $"run {run.RunId} failed: {run.Error}"
                : $"{issued.Issued} invoice(s) issued, {run.AccountsChecked} account(s) checked, " +
                  (mismatches.Count == 0 ? "no mismatch" : string.Join(", ", mismatches.Select(m => $"{m.Key} {m.Value}")));
            return new ChaosCheck("reconciliation finds no mismatch", passed, detail);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ChaosCheck("reconciliation finds no mismatch", false, $"did not finish within {timeout.TotalSeconds:0} s");
        }
    }

    private async Task ProjectionCaughtUpAsync(CancellationToken cancellationToken)
    {
        using var ticks = new PeriodicTimer(PollInterval);
        var status = await client.Projections.GetStatusAsync(ProjectionNames.Balances, cancellationToken);
        while ((status.Version is null || status.Lag > 0 || status.RebuildInProgress) && await ticks.WaitForNextTickAsync(cancellationToken))
        {
            status = await client.Projections.GetStatusAsync(ProjectionNames.Balances, cancellationToken);
        }
    }
}
