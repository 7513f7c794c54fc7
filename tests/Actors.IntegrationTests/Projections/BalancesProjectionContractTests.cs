using Actors.Contracts.Projections;
using Actors.Ledger;
using Actors.Ledger.Projections;

namespace Actors.IntegrationTests.Projections;

/// <summary>
/// The <c>balances</c> projection against a real ledger: balances and usage equal the domain's fold of the ledger, catch-up
/// is idempotent, a crash between batches resumes without double counting, a rebuild switches versions atomically, the
/// owner rebuilds on a logic change and resumes an interrupted rebuild, and the reconciler's batch read is exact.
/// </summary>
public abstract class BalancesProjectionContractTests : IAsyncLifetime
{
    private static readonly TimeSpan OwnerDeadline = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    protected CancellationToken Ct => _timeout.Token;

    private ILedgerStore Ledger { get; set; } = null!;

    /// <summary>Opens the ledger store under test (initialised by the base class).</summary>
    protected abstract Task<ILedgerStore> OpenLedgerAsync();

    /// <summary>A new projection store instance over the same database, as a restarted silo would open.</summary>
    protected abstract IBalancesProjectionStore OpenProjectionStore();

    /// <summary>
    /// Creates what the build before logic versions left behind: <c>projection_checkpoints</c> without its
    /// <c>logic_version</c> column, and an empty, active <c>balances_v1</c> at checkpoint 0 (no usage table).
    /// </summary>
    protected abstract Task CreatePreviousBuildSchemaAsync();

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
        var (runner, store) = await NewRunnerAsync(Ledger);

        var checkpoint = await runner.CatchUpAsync(1, batchSize: 64, Ct);

        Assert.Equal(await Ledger.ReadHeadAsync(Ct), checkpoint);
        await AssertProjectionMatchesAsync(store, 1, history);
        Assert.Equal(checkpoint, await runner.CatchUpAsync(1, batchSize: 64, Ct));
        await AssertProjectionMatchesAsync(store, 1, history);
        Assert.Null(await new BalancesProjectionReader(store).GetBalanceAsync(BillingHistory.Tenant, "no-such-account", Ct));
    }

    [Fact]
    public async Task Catch_up_after_new_rows_applies_only_the_new_rows()
    {
        var history = new BillingHistory(seed: 12, accountCount: 3);
        await AppendAsync(history, batches: 2, rowsPerBatch: 40);
        var (runner, store) = await NewRunnerAsync(Ledger);
        await runner.CatchUpAsync(1, batchSize: 25, Ct);

        await AppendAsync(history, batches: 2, rowsPerBatch: 40);
        var checkpoint = await runner.CatchUpAsync(1, batchSize: 25, Ct);

        Assert.Equal(await Ledger.ReadHeadAsync(Ct), checkpoint);
        await AssertProjectionMatchesAsync(store, 1, history);
    }

    [Fact]
    public async Task A_crash_between_batches_resumes_at_the_checkpoint_without_double_counting()
    {
        var history = new BillingHistory(seed: 13, accountCount: 4);
        await AppendAsync(history, batches: 4, rowsPerBatch: 50);
        var crashing = new ScriptedLedgerStore(Ledger, (read, _) =>
            read == 4 ? throw new SimulatedCrashException() : Task.CompletedTask);
        var (doomed, _) = await NewRunnerAsync(crashing);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => doomed.CatchUpAsync(1, batchSize: 30, Ct));
        var reached = await OpenProjectionStore().ReadCheckpointAsync(1, Ct);
        Assert.NotNull(reached);
        Assert.InRange(reached.Value, 1, await Ledger.ReadHeadAsync(Ct) - 1);

        var (restarted, store) = await NewRunnerAsync(Ledger);
        Assert.Equal(await Ledger.ReadHeadAsync(Ct), await restarted.CatchUpAsync(1, batchSize: 30, Ct));
        await AssertProjectionMatchesAsync(store, 1, history);
    }

    [Fact]
    public async Task A_runner_with_a_stale_checkpoint_is_refused_and_writes_nothing()
    {
        var history = new BillingHistory(seed: 14, accountCount: 2);
        await AppendAsync(history, batches: 1, rowsPerBatch: 30);
        var (runner, _) = await NewRunnerAsync(Ledger);
        var checkpoint = await runner.CatchUpAsync(1, batchSize: 100, Ct);
        var store = OpenProjectionStore();
        var rows = await Ledger.ReadAllAsync(1, 100, Ct);

        var refused = await Assert.ThrowsAsync<ProjectionCheckpointConflictException>(
            () => store.ApplyAsync(1, expectedCheckpoint: 0, BalanceEffect.Fold(rows), checkpoint, Ct));

        Assert.Equal((1, 0L), (refused.Version, refused.ExpectedCheckpoint));
        Assert.Equal(checkpoint, await store.ReadCheckpointAsync(1, Ct));
        await AssertProjectionMatchesAsync(store, 1, history);
    }

    [Fact]
    public async Task Rebuild_replays_into_a_new_version_catches_up_with_rows_appended_meanwhile_and_switches_atomically()
    {
        var history = new BillingHistory(seed: 15, accountCount: 6);
        await AppendAsync(history, batches: 5, rowsPerBatch: 60);
        var (live, store) = await NewRunnerAsync(Ledger);
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
        var (rebuilder, _) = await NewRunnerAsync(appendingDuringRebuild);
        var reports = new List<RebuildProgress>();

        var result = await rebuilder.RebuildAsync(2, batchSize: 70, new SynchronousProgress<RebuildProgress>(reports.Add), Ct);

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
        await AssertProjectionMatchesAsync(store, 2, history);

        // The old version is still intact after the switch: caught up, it agrees with the new one row for row.
        await live.CatchUpAsync(1, batchSize: 100, Ct);
        await AssertVersionsEqualAsync(store, 1, 2, history);
        await AssertProjectionMatchesAsync(store, 1, history);
        await store.DropVersionAsync(1, Ct);
        Assert.Null(await store.ReadCheckpointAsync(1, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.DropVersionAsync(2, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => rebuilder.RebuildAsync(2, null, Ct));
    }

    [Fact]
    public async Task A_second_rebuild_keeps_the_version_it_replaced_and_drops_the_older_ones()
    {
        var history = new BillingHistory(seed: 16, accountCount: 3);
        await AppendAsync(history, batches: 2, rowsPerBatch: 30);
        var (runner, store) = await NewRunnerAsync(Ledger);
        await runner.CatchUpAsync(1, batchSize: 100, Ct);

        await runner.RebuildAsync(2, null, Ct);
        await runner.RebuildAsync(3, null, Ct);

        Assert.Equal([(2, false), (3, true)], (await store.ReadVersionsAsync(Ct)).Select(v => (v.Version, v.Active)));
        await AssertVersionsEqualAsync(store, 2, 3, history);
    }

    [Fact]
    public async Task The_batch_read_returns_every_named_account_in_one_call_and_leaves_absent_ones_out()
    {
        var history = new BillingHistory(seed: 17, accountCount: 600);
        await AppendAsync(history, batches: 4, rowsPerBatch: 500);
        var (runner, store) = await NewRunnerAsync(Ledger);
        var checkpoint = await runner.CatchUpAsync(1, batchSize: 1000, Ct);
        var present = history.Accounts.Where(a => history.Expected(a).EventCount > 0).ToList();
        Assert.True(present.Count > 500, $"only {present.Count} accounts got events");
        var asked = present.Concat(["absent-1", "absent-2", present[0]]).ToList();

        var read = await new BalancesProjectionReader(store).ReadAccountsAsync(BillingHistory.Tenant, asked, Ct);

        Assert.Equal((1, checkpoint), (read.Version, read.Checkpoint));
        Assert.Equal(present.Order(StringComparer.Ordinal), read.Accounts.Keys.Order(StringComparer.Ordinal));
        foreach (var account in present)
        {
            AssertAccountMatches(history, account, read.Accounts[account]);
        }
        Assert.Empty(await store.ReadAccountsAsync(1, "other-tenant", present, Ct));
        Assert.Empty(await store.ReadAccountsAsync(1, BillingHistory.Tenant, [], Ct));
    }

    [Fact]
    public async Task The_owner_builds_the_first_version_then_tails_new_rows_until_the_lag_is_zero()
    {
        var history = new BillingHistory(seed: 18, accountCount: 4);
        await AppendAsync(history, batches: 3, rowsPerBatch: 40);
        var store = await NewStoreAsync();
        await using var owner = NewOwner(store);

        var plan = await owner.StartAsync(Ct);
        await owner.RebuildCompletion;

        Assert.Equal((null, 1), (plan.Live, plan.RebuildInto));
        var first = await owner.ReadStatusAsync(Ct);
        Assert.Equal(ProjectionRebuildState.Succeeded, first.Rebuild?.State);
        Assert.Equal((1, BalanceEffect.LogicVersion, 0L), (first.Version, first.VersionLogic, first.Lag));

        await AppendAsync(history, batches: 2, rowsPerBatch: 40);
        Assert.True((await owner.ReadStatusAsync(Ct)).Lag > 0);
        var tail = await owner.TailAsync(Ct);

        Assert.NotNull(tail);
        Assert.Equal(0, tail.Lag);
        Assert.Equal(0, (await owner.ReadStatusAsync(Ct)).Lag);
        Assert.Equal(0, ProjectionInstruments.ReportedLag(BalancesTable.ProjectionName));
        await AssertProjectionMatchesAsync(store, 1, history);
    }

    [Fact]
    public async Task A_version_built_by_older_logic_is_rebuilt_automatically_into_identical_balances_while_it_keeps_serving()
    {
        var history = new BillingHistory(seed: 19, accountCount: 5);
        await AppendAsync(history, batches: 4, rowsPerBatch: 50);
        var store = await NewStoreAsync();
        // Version 1 as an older build made it: same ledger, the previous logic version.
        await store.EnsureVersionAsync(1, logicVersion: BalanceEffect.LogicVersion - 1, Ct);
        await new ProjectionRunner(Ledger, store).CatchUpAsync(1, batchSize: 100, Ct);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var owner = NewOwner(store, HoldReplaysFromTheStart(release.Task));

        var plan = await owner.StartAsync(Ct);
        await AppendAsync(history, batches: 1, rowsPerBatch: 30);
        await owner.TailAsync(Ct);

        Assert.Equal((1, 2), (plan.Live, plan.RebuildInto));
        var during = await owner.ReadStatusAsync(Ct);
        Assert.True(during is { RebuildInProgress: true, Version: 1, Lag: 0 }, during.ToString());
        Assert.Equal(1, (await new BalancesProjectionReader(store).ReadActiveAsync(Ct))?.Version);
        await AssertProjectionMatchesAsync(store, 1, history);

        release.SetResult();
        await owner.RebuildCompletion;
        await TailUntilCaughtUpAsync(owner);

        var status = await owner.ReadStatusAsync(Ct);
        Assert.True(status.Rebuild?.State == ProjectionRebuildState.Succeeded, status.ToString());
        Assert.Equal((2, BalanceEffect.LogicVersion, 0L), (status.Version, status.VersionLogic, status.Lag));
        Assert.Equal([(1, BalanceEffect.LogicVersion - 1, false), (2, BalanceEffect.LogicVersion, true)],
            (await store.ReadVersionsAsync(Ct)).Select(v => (v.Version, v.LogicVersion, v.Active)));
        await AssertProjectionMatchesAsync(store, 2, history);
        foreach (var account in history.Accounts)
        {
            var old = (await store.ReadAccountsAsync(1, BillingHistory.Tenant, [account], Ct)).GetValueOrDefault(account);
            var rebuilt = (await store.ReadAccountsAsync(2, BillingHistory.Tenant, [account], Ct)).GetValueOrDefault(account);
            Assert.Equal(old?.BalanceMinor.OrderBy(p => p.Key), rebuilt?.BalanceMinor.OrderBy(p => p.Key));
        }

        // Started again, the owner finds the active version current: it tails and rebuilds nothing.
        await using var again = NewOwner(OpenProjectionStore());
        var restart = await again.StartAsync(Ct);
        Assert.Equal((2, (int?)null), (restart.Live, restart.RebuildInto));
    }

    [Fact]
    public async Task Tables_left_by_the_build_before_logic_versions_keep_working_and_are_rebuilt()
    {
        var history = new BillingHistory(seed: 20, accountCount: 4);
        await AppendAsync(history, batches: 3, rowsPerBatch: 40);
        await CreatePreviousBuildSchemaAsync();
        var store = await NewStoreAsync();

        Assert.Equal([(1, BalanceEffect.UnrecordedLogicVersion, 0L, true)],
            (await store.ReadVersionsAsync(Ct)).Select(v => (v.Version, v.LogicVersion, v.Checkpoint, v.Active)));
        await using var owner = NewOwner(store);
        var plan = await owner.StartAsync(Ct);
        await owner.RebuildCompletion;
        // The old version still takes batches: the owner's start gave it the usage table its build never made.
        var oldTail = await new ProjectionRunner(Ledger, store).TailAsync(1, batchSize: 50, budget: null, Ct);

        Assert.Equal((1, 2), (plan.Live, plan.RebuildInto));
        Assert.Equal(2, await store.ReadActiveVersionAsync(Ct));
        await AssertProjectionMatchesAsync(store, 2, history);
        Assert.Equal((await Ledger.ReadHeadAsync(Ct), 0L), (oldTail.Checkpoint, oldTail.Lag));
        await AssertVersionsEqualAsync(store, 1, 2, history);
    }

    [Fact]
    public async Task A_rebuild_interrupted_by_a_crash_is_resumed_by_the_next_owner_and_ends_equal_to_an_uninterrupted_one()
    {
        var history = new BillingHistory(seed: 21, accountCount: 6);
        await AppendAsync(history, batches: 6, rowsPerBatch: 60);
        var store = await NewStoreAsync();
        var runner = new ProjectionRunner(Ledger, store);
        await runner.CatchUpAsync(1, batchSize: 100, Ct);
        var crashing = new ScriptedLedgerStore(Ledger, (read, _) =>
            read == 5 ? throw new SimulatedCrashException() : Task.CompletedTask);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => new ProjectionRunner(crashing, store).RebuildAsync(2, batchSize: 40, null, Ct));
        var interrupted = (await store.ReadVersionsAsync(Ct)).Single(v => v.Version == 2);
        Assert.False(interrupted.Active);
        Assert.InRange(interrupted.Checkpoint, 1, await Ledger.ReadHeadAsync(Ct) - 1);
        await AppendAsync(history, batches: 1, rowsPerBatch: 30);

        await using var owner = NewOwner(OpenProjectionStore());
        var plan = await owner.StartAsync(Ct);
        await owner.RebuildCompletion;

        Assert.Equal((1, 2), (plan.Live, plan.RebuildInto));
        var status = await owner.ReadStatusAsync(Ct);
        Assert.True(status.Rebuild?.State == ProjectionRebuildState.Succeeded, status.ToString());
        Assert.True(status.Rebuild.Replayed < (await Ledger.ReadAllAsync(1, 100_000, Ct)).Count, "the resumed rebuild replayed from the start");
        Assert.Equal(2, await store.ReadActiveVersionAsync(Ct));
        await AssertProjectionMatchesAsync(store, 2, history);

        // The same ledger rebuilt without interruption gives the same rows.
        await runner.RebuildAsync(3, null, Ct);
        await AssertVersionsEqualAsync(store, 2, 3, history);
    }

    [Fact]
    public async Task A_requested_rebuild_runs_in_the_background_while_the_owner_keeps_tailing()
    {
        var history = new BillingHistory(seed: 22, accountCount: 5);
        await AppendAsync(history, batches: 4, rowsPerBatch: 50);
        var store = await NewStoreAsync();
        await using (var first = NewOwner(store))
        {
            await first.StartAsync(Ct);
            await first.RebuildCompletion;
        }
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var owner = NewOwner(store, HoldReplaysFromTheStart(release.Task));
        await owner.StartAsync(Ct);

        var target = await owner.StartRebuildAsync(Ct);
        var second = await owner.StartRebuildAsync(Ct);
        for (var i = 0; i < 3; i++)
        {
            await AppendAsync(history, batches: 1, rowsPerBatch: 20);
            await owner.TailAsync(Ct);
        }
        var during = await owner.ReadStatusAsync(Ct);
        release.SetResult();
        await owner.RebuildCompletion;
        await TailUntilCaughtUpAsync(owner);

        Assert.Equal((2, 2), (target, second));
        Assert.True(during is { RebuildInProgress: true, Version: 1, Lag: 0 }, during.ToString());
        Assert.Equal("requested", during.Rebuild!.Reason);
        var status = await owner.ReadStatusAsync(Ct);
        Assert.True(status.Rebuild?.State == ProjectionRebuildState.Succeeded, status.ToString());
        Assert.Equal((2, 0L), (status.Version, status.Lag));
        await AssertProjectionMatchesAsync(store, 2, history);
    }

    // Holds every ledger read from position 1 (only a rebuild reads from there once the live version has caught up).
    private ScriptedLedgerStore HoldReplaysFromTheStart(Task release) =>
        new(Ledger, async (_, from, ct) =>
        {
            if (from == 1)
            {
                await release.WaitAsync(ct);
            }
        });

    private BalancesProjectionOwner NewOwner(IBalancesProjectionStore store, ILedgerStore? ledger = null) =>
        new(ledger ?? Ledger, store, new ProjectionOwnerSettings(BatchSize: 50, RebuildBatchSize: 80, TailBudget: TimeSpan.FromSeconds(5)), TimeProvider.System);

    private async Task TailUntilCaughtUpAsync(BalancesProjectionOwner owner)
    {
        var deadline = DateTime.UtcNow + OwnerDeadline;
        while ((await owner.ReadStatusAsync(Ct)) is { Lag: > 0 } or { Version: null })
        {
            Assert.True(DateTime.UtcNow < deadline, $"the owner did not catch up: {await owner.ReadStatusAsync(Ct)}");
            await owner.TailAsync(Ct);
        }
    }

    private async Task<IBalancesProjectionStore> NewStoreAsync()
    {
        var store = OpenProjectionStore();
        await store.InitializeAsync(Ct);
        return store;
    }

    private async Task<(ProjectionRunner Runner, IBalancesProjectionStore Store)> NewRunnerAsync(ILedgerStore ledger)
    {
        var store = await NewStoreAsync();
        return (new ProjectionRunner(ledger, store), store);
    }

    private async Task AppendAsync(BillingHistory history, int batches, int rowsPerBatch)
    {
        for (var i = 0; i < batches; i++)
        {
            await Ledger.AppendBatchAsync(history.NextRows(rowsPerBatch), Ct);
        }
    }

    private async Task AssertProjectionMatchesAsync(IBalancesProjectionStore store, int version, BillingHistory history)
    {
        var read = await store.ReadAccountsAsync(version, BillingHistory.Tenant, history.Accounts, Ct);
        long applied = 0;
        foreach (var account in history.Accounts.Where(a => history.Expected(a).EventCount > 0))
        {
            Assert.True(read.ContainsKey(account), $"version {version} has no row for {account}");
            AssertAccountMatches(history, account, read[account]);
            applied += read[account].EventCount;
        }
        Assert.Equal(history.EventCount, applied);
    }

    private static void AssertAccountMatches(BillingHistory history, string account, AccountProjection actual)
    {
        var expected = history.Expected(account);
        Assert.Equal((BillingHistory.Tenant, account), (actual.Tenant, actual.Account));
        Assert.Equal(expected.BalanceMinor.OrderBy(p => p.Key), actual.BalanceMinor.OrderBy(p => p.Key));
        Assert.Equal(expected.EventCount, actual.EventCount);
        Assert.Equal(expected.Position, actual.LastPosition);
        Assert.Equal(history.ExpectedUsage(account), actual.Usage.Select(u => (u.Meter, u.Window, u.Currency, u.Quantity, u.AmountMinor, u.EventCount)));
    }

    private async Task AssertVersionsEqualAsync(IBalancesProjectionStore store, int left, int right, BillingHistory history)
    {
        var a = await store.ReadAccountsAsync(left, BillingHistory.Tenant, history.Accounts, Ct);
        var b = await store.ReadAccountsAsync(right, BillingHistory.Tenant, history.Accounts, Ct);
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        foreach (var (account, row) in a)
        {
            var other = b[account];
            Assert.Equal(row.BalanceMinor.OrderBy(p => p.Key), other.BalanceMinor.OrderBy(p => p.Key));
            Assert.Equal(row.Usage, other.Usage);
            Assert.Equal((row.EventCount, row.LastPosition), (other.EventCount, other.LastPosition));
        }
    }
}
