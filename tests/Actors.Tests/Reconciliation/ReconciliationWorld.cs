using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Invoicing;
using Actors.Contracts.Projections;
using Actors.Contracts.Reconciliation;
using Actors.Tests.Clusters;

namespace Actors.Tests.Reconciliation;

/// <summary>
/// A tenant of its own in the shared test cluster, with the calls the reconciliation tests drive: record usage through
/// the account grains, issue invoices, wait for the projection, run the reconciler to the end.
/// </summary>
internal sealed class ReconciliationWorld(IClusterClient client, string? tenant = null)
{
    public static readonly BillingWindow November = new(2026, 11);
    public static readonly DateTimeOffset InNovember = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
    public static readonly PricePlanId Plan = new("standard", 1);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public string Tenant { get; } = tenant ?? $"rec-{Guid.NewGuid():N}"[..20];

    public IReconcilerGrain Reconciler => client.GetGrain<IReconcilerGrain>(Tenant);

    public IAccountGrain Account(string account) => client.GetGrain<IAccountGrain>(EntityKey.Format(Tenant, account));

    public Task<RecordOutcome> UsageAsync(string account, string meter, long quantity, string source, long seq, DateTimeOffset? at = null) =>
        Account(account).Record(new UsageRecorded
        {
            Source = source, Seq = seq, OccurredAt = at ?? InNovember, Currency = "USD", Meter = meter, Quantity = quantity, UnitPriceMinor = 2,
        });

    public Task<InvoiceIssueSummary> IssueAsync(string? account = null) =>
        client.GetGrain<IInvoicingGrain>(Tenant).Issue(November, Plan, account);

    /// <summary>Waits until the balances projection has applied the whole ledger, so drift checks see a settled picture.</summary>
    public Task<ProjectionStatus> ProjectionCaughtUpAsync() =>
        Eventually.Until(
            () => client.GetGrain<IProjectionGrain>(ProjectionNames.Balances).GetStatus(),
            s => s.Version is not null && s.Lag == 0 && !s.RebuildInProgress,
            Patience,
            "the balances projection catching up with the ledger");

    /// <summary>Runs the reconciler over November and waits for the run to end.</summary>
    public async Task<ReconciliationRun> ReconcileAsync()
    {
        await ProjectionCaughtUpAsync();
        var started = await Reconciler.StartRun(November.ToString());
        return await FinishedAsync(started.RunId);
    }

    public Task<ReconciliationRun> FinishedAsync(string runId) =>
        Eventually.Until(
            async () => (await Reconciler.GetRun(runId))!,
            r => r.State != RunState.Running,
            Patience,
            $"reconciliation run {runId} finishing");

    public async Task<List<ReconciliationException>> ExceptionsAsync() =>
        await Reconciler.ListExceptions(new ExceptionFilter(), 1000);

    public ReconciliationKey Key(string account, MismatchKind kind) => new(Tenant, account, November.ToString(), Plan.ToString(), kind);
}
