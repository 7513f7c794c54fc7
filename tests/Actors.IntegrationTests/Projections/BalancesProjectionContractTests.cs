using Actors.Ledger;
using Actors.Ledger.Projections;

namespace Actors.IntegrationTests.Projections;

/// <summary>
/// The <c>balances</c> projection against a real ledger: balances equal the domain's fold of the ledger, catch-up is
/// idempotent, a crash between batches resumes without double counting, and a rebuild switches versions atomically.
/// </summary>
public abstract class BalancesProjectionContractTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    protected CancellationToken Ct => _timeout.Token;

    private ILedgerStore Ledger { get; set; } = null!;

    /// <summary>Opens the ledger store under test (initialised by the base class).</summary>
    protected abstract Task<ILedgerStore> OpenLedgerAsync();

    /// <summary>A new projection store instance over the same database, as a restarted silo would open.</summary>
    protected abstract IBalancesProjectionStore OpenProjectionStore();

    public virtual async Task InitializeAsync()
    {
        Ledger = await OpenLedgerAsync();
        await Ledger.InitializeAsync(Ct);
    }

    public virtual async Task DisposeAsync()
    {
        if (Ledger is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        _timeout.Dispose();
    }

    [Fact]
    public async Task Catch_up_applies_every_event_and_a_second_catch_up_changes_nothing()
    {
        var history = new BillingHistory(seed: 11, accountCount: 5);
        await AppendAsync(history, batches: 6, rowsPerBatch: 50);
        var runner = await NewRunnerAsync(Ledger);

        var checkpoint = await runner.CatchUpAsync(1, batchSize: 64, Ct);

        Assert.Equal(await Ledger.ReadHeadAsync(Ct), checkpoint);
        await AssertBalancesMatchAsync(runner, history);
        Assert.Equal(checkpoint, await runner.CatchUpAsync(1, batchSize: 64, Ct));
        await AssertBalancesMatchAsync(runner, history);
        Assert.Null(await runner.GetBalanceAsync(BillingHistory.Tenant, "no-such-account", Ct));
    }

    [Fact]
    public async Task Catch_up_after_new_rows_applies_only_the_new_rows()
    {
        var history = new BillingHistory(seed: 12, accountCount: 3);
        await AppendAsync(history, batches: 2, rowsPerBatch: 40);
        var runner = await NewRunnerAsync(Ledger);
        await runner.CatchUpAsync(1, batchSize: 25, Ct);

        await AppendAsync(history, batches: 2, rowsPerBatch: 40);
        var checkpoint = await runner.CatchUpAsync(1, batchSize: 25, Ct);

        Assert.Equal(await Ledger.ReadHeadAsync(Ct), checkpoint);
        await AssertBalancesMatchAsync(runner, history);
    }

    [Fact]
    public async Task A_crash_between_batches_resumes_at_the_checkpoint_without_double_counting()
    {
        var history = new BillingHistory(seed: 13, accountCount: 4);
        await AppendAsync(history, batches: 4, rowsPerBatch: 50);
        var crashing = new ScriptedLedgerStore(Ledger, (read, _) =>
            read == 4 ? throw new SimulatedCrashException() : Task.CompletedTask);
        var doomed = await NewRunnerAsync(crashing);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => doomed.CatchUpAsync(1, batchSize: 30, Ct));
        var store = OpenProjectionStore();
        var reached = await store.ReadCheckpointAsync(1, Ct);
        Assert.NotNull(reached);
        Assert.InRange(reached.Value, 1, await Ledger.ReadHeadAsync(Ct) - 1);

        var restarted = await NewRunnerAsync(Ledger);
        Assert.Equal(await Ledger.ReadHeadAsync(Ct), await restarted.CatchUpAsync(1, batchSize: 30, Ct));
        await AssertBalancesMatchAsync(restarted, history);
    }

    [Fact]
    public async Task A_runner_with_a_stale_checkpoint_is_refused_and_writes_nothing()
    {
        var history = new BillingHistory(seed: 14, accountCount: 2);
        await AppendAsync(history, batches: 1, rowsPerBatch: 30);
        var runner = await NewRunnerAsync(Ledger);
        var checkpoint = await runner.CatchUpAsync(1, batchSize: 100, Ct);
        var store = OpenProjectionStore();
        var rows = await Ledger.ReadAllAsync(1, 100, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.ApplyAsync(1, expectedCheckpoint: 0, BalanceEffect.Fold(rows), checkpoint, Ct));

        Assert.Equal(checkpoint, await store.ReadCheckpointAsync(1, Ct));
        await AssertBalancesMatchAsync(runner, history);
    }

    [Fact]
    public async Task Rebuild_replays_into_a_new_version_catches_up_with_rows_appended_meanwhile_and_switches_atomically()
    {
        var history = new BillingHistory(seed: 15, accountCount: 6);
        await AppendAsync(history, batches: 5, rowsPerBatch: 60);
        var live = await NewRunnerAsync(Ledger);
        await live.CatchUpAsync(1, batchSize: 100, Ct);
        var headBefore = await Ledger.ReadHeadAsync(Ct);

        int? activeDuringRebuild = null;
        var appendingDuringRebuild = new ScriptedLedgerStore(Ledger, async (read, ct) =>
        {
            if (read == 1)
            {
                // Rows land after the rebuild read the head it replays up to, so only its catch-up pass can pick them up.
                await Ledger.AppendBatchAsync(history.NextRows(45), ct);
                activeDuringRebuild = await OpenProjectionStore().ReadActiveVersionAsync(ct);
            }
        });
        var rebuilder = await NewRunnerAsync(appendingDuringRebuild);
        var reports = new List<RebuildProgress>();

        var result = await rebuilder.RebuildAsync(2, new SynchronousProgress<RebuildProgress>(reports.Add), Ct);

        var head = await Ledger.ReadHeadAsync(Ct);
        Assert.True(head > headBefore);
        Assert.Equal(1, activeDuringRebuild);
        Assert.Equal(2, result.Version);
        Assert.Equal(head, result.Checkpoint);
        Assert.Equal((await Ledger.ReadAllAsync(1, 100_000, Ct)).Count, result.EventsReplayed);
        Assert.True(result.EventsPerSecond > 0);
        Assert.NotEmpty(reports);
        Assert.Equal(head, reports[^1].Checkpoint);
        Assert.Equal(2, await OpenProjectionStore().ReadActiveVersionAsync(Ct));
        await AssertBalancesMatchAsync(live, history);

        // The old version is still intact after the switch: caught up, it agrees with the new one row for row.
        await live.CatchUpAsync(1, batchSize: 100, Ct);
        var store = OpenProjectionStore();
        foreach (var account in history.Accounts)
        {
            var old = await store.ReadBalanceAsync(1, BillingHistory.Tenant, account, Ct);
            var rebuilt = await store.ReadBalanceAsync(2, BillingHistory.Tenant, account, Ct);
            Assert.Equal(old?.BalanceMinor.OrderBy(p => p.Key), rebuilt?.BalanceMinor.OrderBy(p => p.Key));
        }
        await store.DropVersionAsync(1, Ct);
        Assert.Null(await store.ReadCheckpointAsync(1, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.DropVersionAsync(2, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => rebuilder.RebuildAsync(2, null, Ct));
    }

    private async Task<ProjectionRunner> NewRunnerAsync(ILedgerStore ledger)
    {
        var store = OpenProjectionStore();
        await store.InitializeAsync(Ct);
        return new ProjectionRunner(ledger, store);
    }

    private async Task AppendAsync(BillingHistory history, int batches, int rowsPerBatch)
    {
        for (var i = 0; i < batches; i++)
        {
            await Ledger.AppendBatchAsync(history.NextRows(rowsPerBatch), Ct);
        }
    }

    private async Task AssertBalancesMatchAsync(ProjectionRunner runner, BillingHistory history)
    {
        long applied = 0;
        foreach (var account in history.Accounts)
        {
            var expected = history.Expected(account);
            var actual = await runner.GetBalanceAsync(BillingHistory.Tenant, account, Ct);
            Assert.NotNull(actual);
            Assert.Equal(expected.BalanceMinor.OrderBy(p => p.Key), actual.BalanceMinor.OrderBy(p => p.Key));
            Assert.Equal(expected.EventCount, actual.EventCount);
            Assert.Equal(expected.Position, actual.LastPosition);
            applied += actual.EventCount;
        }
        Assert.Equal(history.EventCount, applied);
    }
}
