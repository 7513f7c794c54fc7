using Actors.Contracts.Errors;
using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Grains.Reconciliation;
using Actors.Ledger.Invoicing;
using Actors.Ledger.Reconciliation;

namespace Actors.Tests.Reconciliation;

/// <summary>
/// The reconciler in a local-profile cluster on real SQLite stores: faults are injected into an otherwise consistent
/// tenant (a wrong invoice stored before issuing, a usage recorded twice under two keys, usage after the invoice, a
/// projection row changed behind the runner's back) and each must come out as its kind, on its account only.
/// </summary>
public sealed class ReconcilerGrainTests(ReconciliationClusterFixture fixture) : IClassFixture<ReconciliationClusterFixture>
{
    [Fact]
    public async Task Each_injected_mismatch_is_found_and_classified_and_clean_accounts_have_none()
    {
        var world = new ReconciliationWorld(fixture.Grains);
        var invoices = fixture.Service<IInvoiceStore>();
        foreach (var account in new[] { "clean", "missing", "misrated", "late", "duplicated", "drifted" })
        {
            await world.UsageAsync(account, "api", 100, "meter", 1);
            await world.UsageAsync(account, "storage", 1500, "meter", 2);
        }
        await world.UsageAsync("duplicated", "api", 100, "other-meter", 7);
        // Wrong invoices stored before the real issue: the store keeps the first one for a key, as an invoice from a
        // faulty biller would be kept. api is 2 per unit; storage 1000 x 5 + 500 x 3.
        await invoices.InsertOrGetAsync(WrongInvoice(world, "missing", apiUnits: 60, apiAmount: 120), CancellationToken.None);
        await invoices.InsertOrGetAsync(WrongInvoice(world, "misrated", apiUnits: 100, apiAmount: 250), CancellationToken.None);
        await world.IssueAsync();
        await world.UsageAsync("late", "api", 5, "meter", 3);
        await world.ProjectionCaughtUpAsync();
        await fixture.CorruptProjectedBalanceAsync(world.Tenant, "drifted", deltaMinor: 1);

        var run = await world.ReconcileAsync();

        Assert.Equal(RunState.Completed, run.State);
        Assert.Equal(6, run.AccountsChecked);
        var found = (await world.ExceptionsAsync()).Select(e => (e.Key.Account, e.Key.Kind)).Order().ToList();
        Assert.Equal(
            [
                ("drifted", MismatchKind.ProjectionDrift),
                ("duplicated", MismatchKind.DuplicatedUsage),
                ("late", MismatchKind.LateArrival),
                ("misrated", MismatchKind.RatingInconsistency),
                ("missing", MismatchKind.MissingUsage),
            ],
            found);
        var missing = await world.Reconciler.ListExceptions(new ExceptionFilter(Kind: MismatchKind.MissingUsage), 10);
        Assert.Equal(80, Assert.Single(missing).Mismatch.CorrectionMinor);
        Assert.All(await world.ExceptionsAsync(), e => Assert.Equal(ExceptionStatus.Open, e.Status));
    }

    [Fact]
    public async Task Rerunning_and_resolving_twice_leave_results_and_ledger_unchanged_and_post_one_correction()
    {
        var world = new ReconciliationWorld(fixture.Grains);
        await world.UsageAsync("a1", "api", 100, "meter-a", 1);
        await world.UsageAsync("a1", "api", 100, "meter-b", 1);
        await world.IssueAsync();
        await world.ReconcileAsync();
        var before = await world.ExceptionsAsync();

        var rerun = await world.ReconcileAsync();
        Assert.Equal(1, rerun.MismatchesByKind["duplicated-usage"]);
        Assert.Equal(Snapshot(before), Snapshot(await world.ExceptionsAsync()));

        var key = world.Key("a1", MismatchKind.DuplicatedUsage);
        var balanceBefore = await world.Account("a1").GetBalance();
        var resolved = await world.Reconciler.Resolve(key, "alice", "meter-b double-sent the batch");
        var ledgerAfterFirst = await world.Account("a1").GetLedger(1, 100);
        var again = await world.Reconciler.Resolve(key, "bob", "retry");
        var ledgerAfterSecond = await world.Account("a1").GetLedger(1, 100);

        Assert.Equal(ExceptionStatus.Resolved, resolved.Status);
        Assert.Equal(Snapshot([resolved]), Snapshot([again]));
        Assert.Equal(ledgerAfterFirst, ledgerAfterSecond);
        var correction = Assert.Single(ledgerAfterFirst, r => r.Type == "AdjustmentPosted");
        Assert.Equal(("reconcile:2026-11:standard@1", 2L), (correction.Source, correction.Seq));
        Assert.Equal(new AdjustmentKey("reconcile:2026-11:standard@1", 2), resolved.Adjustment);
        var balanceAfter = await world.Account("a1").GetBalance();
        Assert.Equal(balanceBefore.BalanceMinor["USD"] - 200, balanceAfter.BalanceMinor["USD"]);
        var audit = await world.Reconciler.GetAudit(key);
        Assert.Equal(("alice", ExceptionStatus.Open, ExceptionStatus.Resolved, "meter-b double-sent the batch"),
            (Assert.Single(audit).Actor, audit[0].From, audit[0].To, audit[0].Reason));

        // A rerun after the resolution keeps the resolved result as it is, and the flow of new events never waited on it.
        await world.UsageAsync("a1", "api", 1, "meter-a", 2, ReconciliationWorld.InNovember.AddMonths(1));
        await world.ReconcileAsync();
        Assert.Equal(Snapshot([resolved]), Snapshot(await world.ExceptionsAsync()));
    }

    [Fact]
    public async Task The_workflow_refuses_moves_out_of_a_settled_status_and_names_unknown_exceptions()
    {
        var world = new ReconciliationWorld(fixture.Grains);
        await world.UsageAsync("a1", "api", 10, "x", 1);
        await world.UsageAsync("a1", "api", 10, "y", 1);
        await world.ReconcileAsync();
        var key = world.Key("a1", MismatchKind.DuplicatedUsage);

        var acknowledged = await world.Reconciler.Acknowledge(key, "alice", "looking");
        Assert.Equal(Snapshot([acknowledged]), Snapshot([await world.Reconciler.Acknowledge(key, "alice", "looking again")]));
        var dismissed = await world.Reconciler.Dismiss(key, "alice", "test traffic");

        Assert.Equal(ExceptionStatus.Dismissed, dismissed.Status);
        await Assert.ThrowsAsync<InvalidTransitionException>(() => world.Reconciler.Resolve(key, "bob", "too late"));
        await Assert.ThrowsAsync<InvalidTransitionException>(() => world.Reconciler.Acknowledge(key, "bob", "too late"));
        await Assert.ThrowsAsync<NotFoundException>(() => world.Reconciler.Dismiss(key with { Account = "nobody" }, "bob", "?"));
        await Assert.ThrowsAsync<InvalidEventException>(() => world.Reconciler.Dismiss(key, "", "no actor"));
        Assert.Equal(2, (await world.Reconciler.GetAudit(key)).Count);
        Assert.DoesNotContain(await world.Account("a1").GetLedger(1, 100), r => r.Type == "AdjustmentPosted");
    }

    [Fact]
    public async Task A_run_interrupted_by_a_crash_resumes_from_its_cursor_and_ends_as_an_uninterrupted_run()
    {
        var interrupted = new ReconciliationWorld(fixture.Grains);
        var uninterrupted = new ReconciliationWorld(fixture.Grains);
        string[] accounts = ["a1", "a2", "a3", "a4", "a5", "a6"];
        foreach (var world in new[] { interrupted, uninterrupted })
        {
            foreach (var account in accounts)
            {
                await world.UsageAsync(account, "api", 10, "x", 1);
                // a2 and a5 record the same usage again under another key; the others record a different second usage.
                await (account is "a2" or "a5"
                    ? world.UsageAsync(account, "api", 10, "y", 1)
                    : world.UsageAsync(account, "api", 20, "x", 2));
            }
        }
        var expected = await uninterrupted.ReconcileAsync();

        // What a silo that died mid-run leaves behind: the first accounts' results stored, the run "running" at its cursor.
        await interrupted.ProjectionCaughtUpAsync();
        var store = fixture.Service<IReconciliationStore>();
        var firstWave = await fixture.Grains.GetGrain<IReconciliationWorkerGrain>(0)
            .Check(interrupted.Tenant, ReconciliationWorld.November.ToString(), ["a1", "a2", "a3"]);
        var runId = $"{interrupted.Tenant}:crashed";
        await store.StartRunAsync(new ReconciliationRun(
            runId, interrupted.Tenant, ReconciliationWorld.November.ToString(), RunState.Running, DateTimeOffset.UtcNow, null,
            "a3", firstWave.AccountsChecked, firstWave.MismatchesByKind, null), CancellationToken.None);

        // The reconciler activates (here: on a status call) and resumes the run it finds.
        await interrupted.Reconciler.GetStatus();
        var resumed = await interrupted.FinishedAsync(runId);

        Assert.Equal(RunState.Completed, resumed.State);
        Assert.Equal(expected.AccountsChecked, resumed.AccountsChecked);
        Assert.Equal(expected.MismatchesByKind.OrderBy(p => p.Key), resumed.MismatchesByKind.OrderBy(p => p.Key));
        Assert.Equal(2, resumed.MismatchesByKind["duplicated-usage"]);
        Assert.Equal(
            Snapshot((await uninterrupted.ExceptionsAsync()).Select(e => e with { Mismatch = e.Mismatch with { Key = e.Key with { Tenant = "" } }, DetectedAt = default, UpdatedAt = default })),
            Snapshot((await interrupted.ExceptionsAsync()).Select(e => e with { Mismatch = e.Mismatch with { Key = e.Key with { Tenant = "" } }, DetectedAt = default, UpdatedAt = default })));
    }

    [Fact]
    public async Task The_scheduler_wakes_every_tenant_with_accounts_for_the_current_and_previous_window()
    {
        var world = new ReconciliationWorld(fixture.Grains);
        await world.UsageAsync("a1", "api", 10, "x", 1, DateTimeOffset.UtcNow);

        var woken = await fixture.Grains.GetGrain<IReconciliationSchedulerGrain>(0).Tick();

        Assert.Contains(world.Tenant, woken);
        var status = await world.Reconciler.GetStatus();
        var now = BillingWindow.Of(DateTimeOffset.UtcNow);
        Assert.Equal(
            new[] { now.Previous.ToString(), now.ToString() }.Order(),
            status.RecentRuns.Select(r => r.Window).Distinct().Order());
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_runs()
    {
        var world = new ReconciliationWorld(fixture.Grains);

        await Assert.ThrowsAsync<InvalidEventException>(() => world.Reconciler.StartRun("2026-13"));
        await Assert.ThrowsAsync<InvalidEventException>(() => world.Reconciler.ListExceptions(new ExceptionFilter(), 0));
        Assert.Empty((await world.Reconciler.GetStatus()).RecentRuns);
    }

    // Records compare their list members by reference; the JSON form compares what they hold.
    private static string Snapshot(IEnumerable<ReconciliationException> exceptions) =>
        System.Text.Json.JsonSerializer.Serialize(exceptions.ToList());

    private static Invoice WrongInvoice(ReconciliationWorld world, string account, long apiUnits, long apiAmount) =>
        new(world.Tenant, account, ReconciliationWorld.November.ToString(), ReconciliationWorld.Plan.ToString(), "USD",
            [new InvoiceLine("api", "2026-11", apiUnits, apiAmount), new InvoiceLine("storage", "2026-11", 1500, 6500)],
            apiAmount + 6500, ThroughPosition: 2, DateTimeOffset.UtcNow);
}
