using System.Data.Common;
using Actors.Contracts.Reconciliation;
using Actors.IntegrationTests.Databases;
using Actors.Ledger.Reconciliation;
using static Actors.IntegrationTests.Reconciliation.SampleMismatches;

namespace Actors.IntegrationTests.Reconciliation;

/// <summary>
/// The <see cref="IReconciliationStore"/> contract, run against every store: each derived class supplies a real database.
/// Every test works in a tenant of its own.
/// </summary>
public abstract class ReconciliationStoreContractTests : StoreContractTests<IReconciliationStore>
{
    private static readonly ExceptionStatus[] Unresolved = [ExceptionStatus.Open, ExceptionStatus.Acknowledged];

    protected string Tenant { get; } = NewTenant();

    protected sealed override Task InitializeStoreAsync(IReconciliationStore store, CancellationToken cancellationToken) =>
        store.InitializeAsync(cancellationToken);

    [Fact]
    public async Task New_keys_become_open_exceptions_detected_at_the_given_time_in_utc_microseconds()
    {
        var first = Of(Key(Tenant, "a1"));
        var second = Of(Key(Tenant, "a1", MismatchKind.LateArrival), expected: 4, actual: 0, currency: "USD");

        var added = await Store.RecordAsync([first, second], T0, Ct);

        Assert.Equal(2, added);
        ReconciliationAssert.Same(new ReconciliationException(first, ExceptionStatus.Open, T0Stored, T0Stored, null), await Store.FindAsync(first.Key, Ct));
        ReconciliationAssert.Same(new ReconciliationException(second, ExceptionStatus.Open, T0Stored, T0Stored, null), await Store.FindAsync(second.Key, Ct));
        Assert.Null(await Store.FindAsync(Key(Tenant, "a1", MismatchKind.ProjectionDrift), Ct));
        Assert.Null(await Store.FindAsync(first.Key with { Plan = "standard@2" }, Ct));
    }

    [Fact]
    public async Task A_rerun_that_finds_the_same_figures_adds_nothing_and_changes_nothing()
    {
        var keys = new[] { Key(Tenant, "a1"), Key(Tenant, "a2"), Key(Tenant, "a2", MismatchKind.DuplicatedUsage) };
        await Store.RecordAsync([.. keys.Select(k => Of(k))], T0, Ct);
        var before = await Store.ListAsync(Tenant, new ExceptionFilter(), 10, Ct);

        // Equal but not the same instances, as a new pass would build them.
        var added = await Store.RecordAsync([.. Enumerable.Reverse(keys).Select(k => Of(k with { }))], T0.AddHours(1), Ct);

        Assert.Equal(0, added);
        Assert.Equal(3, before.Count);
        ReconciliationAssert.Same(before, await Store.ListAsync(Tenant, new ExceptionFilter(), 10, Ct));
    }

    [Fact]
    public async Task Changed_figures_update_open_and_acknowledged_exceptions_but_never_resolved_or_dismissed_ones()
    {
        var open = Key(Tenant, "open");
        var correctionOnly = Key(Tenant, "open-correction");
        var acknowledged = Key(Tenant, "acknowledged");
        var resolved = Key(Tenant, "resolved");
        var dismissed = Key(Tenant, "dismissed");
        ReconciliationKey[] known = [open, correctionOnly, acknowledged, resolved, dismissed];
        await Store.RecordAsync([.. known.Select(k => Of(k))], T0, Ct);
        var t1 = T0Stored.AddMinutes(1);
        var adjustment = new AdjustmentKey("reconcile:2026-11:standard@1", 1);
        await Store.TransitionAsync(acknowledged, [ExceptionStatus.Open], ExceptionStatus.Acknowledged, "alice", "looking", null, t1, Ct);
        await Store.TransitionAsync(resolved, [ExceptionStatus.Open], ExceptionStatus.Resolved, "alice", "credited", adjustment, t1, Ct);
        await Store.TransitionAsync(dismissed, [ExceptionStatus.Open], ExceptionStatus.Dismissed, "alice", "known", null, t1, Ct);
        var t2 = T0Stored.AddHours(1);
        var fresh = Of(Key(Tenant, "new"));
        var changed = known.Select(k => Of(k, expected: 12)).ToList();
        var correctionChanged = Of(correctionOnly) with { CorrectionMinor = 99 };
        changed[1] = correctionChanged;

        var added = await Store.RecordAsync([.. changed, fresh], t2, Ct);

        Assert.Equal(1, added);
        ReconciliationAssert.Same(new ReconciliationException(changed[0], ExceptionStatus.Open, T0Stored, t2, null), await Store.FindAsync(open, Ct));
        ReconciliationAssert.Same(new ReconciliationException(correctionChanged, ExceptionStatus.Open, T0Stored, t2, null), await Store.FindAsync(correctionOnly, Ct));
        ReconciliationAssert.Same(new ReconciliationException(changed[2], ExceptionStatus.Acknowledged, T0Stored, t2, null), await Store.FindAsync(acknowledged, Ct));
        ReconciliationAssert.Same(new ReconciliationException(Of(resolved), ExceptionStatus.Resolved, T0Stored, t1, adjustment), await Store.FindAsync(resolved, Ct));
        ReconciliationAssert.Same(new ReconciliationException(Of(dismissed), ExceptionStatus.Dismissed, T0Stored, t1, null), await Store.FindAsync(dismissed, Ct));
        ReconciliationAssert.Same(new ReconciliationException(fresh, ExceptionStatus.Open, t2, t2, null), await Store.FindAsync(fresh.Key, Ct));
    }

    [Fact]
    public async Task A_transition_moves_the_status_and_writes_who_when_and_why_in_the_audit_trail()
    {
        var found = Of(Key(Tenant, "a1"));
        await Store.RecordAsync([found], T0, Ct);
        var adjustment = new AdjustmentKey("reconcile:2026-11:standard@1", 1);

        var acknowledged = await Store.TransitionAsync(
            found.Key, [ExceptionStatus.Open], ExceptionStatus.Acknowledged, "alice", "looking into it", null, T0.AddMinutes(5), Ct);
        var resolved = await Store.TransitionAsync(
            found.Key, Unresolved, ExceptionStatus.Resolved, "bob", "credited the difference", adjustment, T0.AddMinutes(9), Ct);

        Assert.True(acknowledged.Moved);
        ReconciliationAssert.Same(
            new ReconciliationException(found, ExceptionStatus.Acknowledged, T0Stored, T0Stored.AddMinutes(5), null), acknowledged.Exception);
        Assert.True(resolved.Moved);
        var expected = new ReconciliationException(found, ExceptionStatus.Resolved, T0Stored, T0Stored.AddMinutes(9), adjustment);
        ReconciliationAssert.Same(expected, resolved.Exception);
        ReconciliationAssert.Same(expected, await Store.FindAsync(found.Key, Ct));
        Assert.Equal(
            [
                new ExceptionAuditEntry(found.Key, T0Stored.AddMinutes(5), "alice", ExceptionStatus.Open, ExceptionStatus.Acknowledged, "looking into it"),
                new ExceptionAuditEntry(found.Key, T0Stored.AddMinutes(9), "bob", ExceptionStatus.Acknowledged, ExceptionStatus.Resolved, "credited the difference"),
            ],
            await Store.ReadAuditAsync(found.Key, Ct));
    }

    [Fact]
    public async Task A_transition_from_a_status_that_is_not_allowed_writes_nothing()
    {
        var found = Of(Key(Tenant, "a1"));
        await Store.RecordAsync([found], T0, Ct);
        var adjustment = new AdjustmentKey("reconcile:2026-11:standard@1", 1);
        await Store.TransitionAsync(found.Key, Unresolved, ExceptionStatus.Resolved, "bob", "credited", adjustment, T0.AddMinutes(1), Ct);
        var stored = new ReconciliationException(found, ExceptionStatus.Resolved, T0Stored, T0Stored.AddMinutes(1), adjustment);

        var again = await Store.TransitionAsync(
            found.Key, Unresolved, ExceptionStatus.Resolved, "bob", "retry", new AdjustmentKey("other", 2), T0.AddMinutes(2), Ct);
        var dismissed = await Store.TransitionAsync(
            found.Key, [ExceptionStatus.Open], ExceptionStatus.Dismissed, "carol", "late", null, T0.AddMinutes(3), Ct);

        Assert.False(again.Moved);
        ReconciliationAssert.Same(stored, again.Exception);
        Assert.False(dismissed.Moved);
        ReconciliationAssert.Same(stored, dismissed.Exception);
        ReconciliationAssert.Same(stored, await Store.FindAsync(found.Key, Ct));
        Assert.Equal(["bob"], (await Store.ReadAuditAsync(found.Key, Ct)).Select(e => e.Actor));
    }

    [Fact]
    public async Task A_transition_of_an_unknown_key_throws_and_writes_nothing()
    {
        var unknown = Key(Tenant, "nobody");

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.TransitionAsync(
            unknown, Unresolved, ExceptionStatus.Dismissed, "alice", "why not", null, T0, Ct));

        Assert.Empty(await Store.ReadAuditAsync(unknown, Ct));
        Assert.Null(await Store.FindAsync(unknown, Ct));
    }

    [Fact]
    public async Task Of_concurrent_transitions_on_one_key_from_two_stores_exactly_one_wins()
    {
        var other = await OpenStoreAsync();
        var keys = Enumerable.Range(0, 8).Select(i => Key(Tenant, $"a{i}")).ToList();
        await Store.RecordAsync([.. keys.Select(k => Of(k))], T0, Ct);

        var races = keys.Select(key => (
            Key: key,
            Resolve: Task.Run(() => Store.TransitionAsync(
                key, Unresolved, ExceptionStatus.Resolved, "resolver", "credited", new AdjustmentKey("reconcile", 1), T0.AddMinutes(1), Ct)),
            Dismiss: Task.Run(() => other.TransitionAsync(
                key, Unresolved, ExceptionStatus.Dismissed, "dismisser", "not needed", null, T0.AddMinutes(1), Ct)))).ToList();
        await Task.WhenAll(races.SelectMany(r => new[] { r.Resolve, r.Dismiss }));

        foreach (var (key, resolve, dismiss) in races)
        {
            var results = new[] { await resolve, await dismiss };
            var winner = Assert.Single(results, r => r.Moved);
            var loser = Assert.Single(results, r => !r.Moved);
            // The loser saw the winner's status, not the one it raced from.
            Assert.Equal(winner.Exception.Status, loser.Exception.Status);
            Assert.Equal(winner.Exception.Status, (await Store.FindAsync(key, Ct))!.Status);
            var audit = Assert.Single(await Store.ReadAuditAsync(key, Ct));
            Assert.Equal(winner.Exception.Status, audit.To);
            Assert.Equal(winner.Exception.Status == ExceptionStatus.Resolved ? "resolver" : "dismisser", audit.Actor);
        }
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        var found = Of(Key(Tenant, "a1"));
        await Store.RecordAsync([found], T0, Ct);
        await Store.TransitionAsync(found.Key, [ExceptionStatus.Open], ExceptionStatus.Acknowledged, "alice", "mine", null, T0, Ct);
        var trail = await Store.ReadAuditAsync(found.Key, Ct);

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            ExecuteSqlAsync($"UPDATE reconciliation_audit SET reason = 'rewritten' WHERE tenant = '{Tenant}'"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            ExecuteSqlAsync($"DELETE FROM reconciliation_audit WHERE tenant = '{Tenant}'"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(trail, await Store.ReadAuditAsync(found.Key, Ct));
        Assert.Single(trail);
    }

    [Fact]
    public async Task Exceptions_are_listed_by_filter_in_ordinal_key_order_and_paged_by_account()
    {
        var b = Key(Tenant, "b");
        var aLate = Key(Tenant, "a", MismatchKind.LateArrival);
        var aMissing = Key(Tenant, "a", MismatchKind.MissingUsage);
        var aOctober = Key(Tenant, "a", MismatchKind.MissingUsage, window: "2026-10");
        var upperA = Key(Tenant, "A");
        var c = Key(Tenant, "c", MismatchKind.ProjectionDrift, plan: "standard@2");
        var elsewhere = Key(NewTenant(), "a");
        await Store.RecordAsync([.. new[] { b, aLate, aMissing, aOctober, upperA, c, elsewhere }.Select(k => Of(k))], T0, Ct);
        await Store.TransitionAsync(aLate, [ExceptionStatus.Open], ExceptionStatus.Acknowledged, "alice", "mine", null, T0, Ct);

        async Task<IEnumerable<ReconciliationKey>> List(ExceptionFilter filter, int max = 100) =>
            (await Store.ListAsync(Tenant, filter, max, Ct)).Select(e => e.Key);

        // Ordinal: "A" < "a"; window, then plan, then the kind's stored name ("late-arrival" < "missing-usage").
        Assert.Equal([upperA, aOctober, aLate, aMissing, b, c], await List(new ExceptionFilter()));
        Assert.Equal([aLate], await List(new ExceptionFilter(Status: ExceptionStatus.Acknowledged)));
        Assert.Equal([upperA, aOctober, aMissing, b, c], await List(new ExceptionFilter(Status: ExceptionStatus.Open)));
        Assert.Equal([upperA, aOctober, aMissing, b], await List(new ExceptionFilter(Kind: MismatchKind.MissingUsage)));
        Assert.Equal([aOctober], await List(new ExceptionFilter(Window: "2026-10")));
        Assert.Equal([aOctober, aLate, aMissing], await List(new ExceptionFilter(Account: "a")));
        Assert.Equal([aMissing], await List(new ExceptionFilter(Status: ExceptionStatus.Open, Kind: MismatchKind.MissingUsage, Window: "2026-11", Account: "a")));
        Assert.Equal([upperA, aOctober], await List(new ExceptionFilter(), max: 2));
        Assert.Equal([b, c], await List(new ExceptionFilter(AfterAccount: "a")));
        Assert.Equal([b], await List(new ExceptionFilter(Kind: MismatchKind.MissingUsage, AfterAccount: "a")));
        Assert.Empty(await List(new ExceptionFilter(AfterAccount: "c")));
        Assert.Equal([elsewhere], (await Store.ListAsync(elsewhere.Tenant, new ExceptionFilter(), 100, Ct)).Select(e => e.Key));
    }

    [Fact]
    public async Task Exceptions_are_counted_per_status_and_kind_for_one_tenant_or_all()
    {
        var before = await Store.CountAsync(null, Ct);
        var otherTenant = NewTenant();
        await Store.RecordAsync(
            [
                Of(Key(Tenant, "a1")), Of(Key(Tenant, "a2")), Of(Key(Tenant, "a3")), Of(Key(Tenant, "a1", MismatchKind.LateArrival)),
                Of(Key(otherTenant, "a1", MismatchKind.ProjectionDrift)),
            ],
            T0, Ct);
        await Store.TransitionAsync(Key(Tenant, "a2"), [ExceptionStatus.Open], ExceptionStatus.Acknowledged, "alice", "mine", null, T0, Ct);

        var counts = await Store.CountAsync(Tenant, Ct);
        var all = await Store.CountAsync(null, Ct);

        Assert.Equal(
            [
                new ExceptionCount(ExceptionStatus.Open, MismatchKind.MissingUsage, 2),
                new ExceptionCount(ExceptionStatus.Open, MismatchKind.LateArrival, 1),
                new ExceptionCount(ExceptionStatus.Acknowledged, MismatchKind.MissingUsage, 1),
            ],
            counts);
        // The database is shared with the class's other tests: what this test added is the difference.
        var added = all
            .Select(c => c with { Count = c.Count - (before.SingleOrDefault(b => b.Status == c.Status && b.Kind == c.Kind)?.Count ?? 0) })
            .Where(c => c.Count != 0);
        Assert.Equal(
            [
                new ExceptionCount(ExceptionStatus.Open, MismatchKind.MissingUsage, 2),
                new ExceptionCount(ExceptionStatus.Open, MismatchKind.LateArrival, 1),
                new ExceptionCount(ExceptionStatus.Open, MismatchKind.ProjectionDrift, 1),
                new ExceptionCount(ExceptionStatus.Acknowledged, MismatchKind.MissingUsage, 1),
            ],
            added);
        Assert.Empty(await Store.CountAsync(NewTenant(), Ct));
    }

    [Fact]
    public async Task Runs_round_trip_and_are_listed_newest_first()
    {
        // Far from the other tests' times, so these are the newest runs in a shared database.
        var start = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var otherTenant = NewTenant();
        var first = new ReconciliationRun("run-1-" + Tenant, Tenant, "2026-11", RunState.Running, start.AddTicks(7), null, null, 0,
            new Dictionary<string, long>(), null);
        var second = first with { RunId = "run-2-" + Tenant, StartedAt = start.AddHours(1) };
        var sameStart = first with { RunId = "run-3-" + Tenant, StartedAt = start.AddHours(1) };
        var elsewhere = first with { RunId = "run-0-" + otherTenant, Tenant = otherTenant, StartedAt = start.AddMinutes(30) };
        foreach (var run in new[] { first, second, sameStart, elsewhere })
        {
            await Store.StartRunAsync(run, Ct);
        }
        var completed = first with
        {
            StartedAt = start,
            State = RunState.Completed,
            FinishedAt = start.AddMinutes(2),
            Cursor = "account-99",
            AccountsChecked = 100,
            MismatchesByKind = new Dictionary<string, long> { ["missing-usage"] = 3, ["late-arrival"] = 1 },
        };
        var failed = second with { State = RunState.Failed, FinishedAt = start.AddHours(2), Cursor = "a", AccountsChecked = 1, Error = "ledger unavailable" };

        ReconciliationAssert.Same(first with { StartedAt = start }, await Store.FindRunAsync(first.RunId, Ct));
        await Store.UpdateRunAsync(completed, Ct);
        await Store.UpdateRunAsync(failed, Ct);

        ReconciliationAssert.Same(completed, await Store.FindRunAsync(first.RunId, Ct));
        ReconciliationAssert.Same(failed, await Store.FindRunAsync(second.RunId, Ct));
        Assert.Null(await Store.FindRunAsync("run-none-" + Tenant, Ct));
        // Ties on the start are broken by id, newest (greatest) first.
        Assert.Equal([sameStart.RunId, second.RunId, first.RunId], (await Store.ListRunsAsync(Tenant, 10, Ct)).Select(r => r.RunId));
        Assert.Equal([sameStart.RunId, second.RunId, elsewhere.RunId], (await Store.ListRunsAsync(null, 3, Ct)).Select(r => r.RunId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.UpdateRunAsync(first with { RunId = "run-none-" + Tenant }, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.StartRunAsync(first, Ct));
        ReconciliationAssert.Same(completed, await Store.FindRunAsync(first.RunId, Ct));
    }

    [Fact]
    public async Task A_batch_of_thousands_is_recorded_in_one_call_and_a_rerun_adds_only_new_keys()
    {
        var found = Enumerable.Range(0, 2000).Select(i => Of(Key(Tenant, $"acct-{i:D5}"), expected: 10 + i % 7)).ToList();

        Assert.Equal(2000, await Store.RecordAsync(found, T0, Ct));
        Assert.Equal(0, await Store.RecordAsync(found, T0.AddHours(1), Ct));
        var changedAndNew = found.Take(100).Select(m => Of(m.Key, expected: 1000))
            .Concat(Enumerable.Range(2000, 10).Select(i => Of(Key(Tenant, $"acct-{i:D5}")))).ToList();
        Assert.Equal(10, await Store.RecordAsync(changedAndNew, T0.AddHours(2), Ct));

        Assert.Equal([new ExceptionCount(ExceptionStatus.Open, MismatchKind.MissingUsage, 2010)], await Store.CountAsync(Tenant, Ct));
        var updated = await Store.ListAsync(Tenant, new ExceptionFilter(), 2010, Ct);
        Assert.Equal(100, updated.Count(e => e.UpdatedAt == T0Stored.AddHours(2) && e.DetectedAt == T0Stored));
        Assert.Equal(1900, updated.Count(e => e.UpdatedAt == T0Stored));
        ReconciliationAssert.SameFigures(changedAndNew[0], updated[0].Mismatch);
    }

    [Fact]
    public async Task A_batch_with_a_key_twice_is_refused_whole()
    {
        var kept = Of(Key(Tenant, "a1"));
        var twice = Of(Key(Tenant, "a2"));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordAsync([kept, twice, Of(twice.Key, expected: 11)], T0, Ct));

        Assert.Empty(await Store.ListAsync(Tenant, new ExceptionFilter(), 10, Ct));
        Assert.Equal(0, await Store.RecordAsync([], T0, Ct));
    }

    [Fact]
    public async Task Initializing_again_keeps_what_is_stored_and_the_audit_guard()
    {
        var found = Of(Key(Tenant, "a1"));
        await Store.RecordAsync([found], T0, Ct);
        await Store.TransitionAsync(found.Key, [ExceptionStatus.Open], ExceptionStatus.Dismissed, "alice", "noise", null, T0, Ct);

        var again = await OpenStoreAsync();

        ReconciliationAssert.Same(
            new ReconciliationException(found, ExceptionStatus.Dismissed, T0Stored, T0Stored, null), await again.FindAsync(found.Key, Ct));
        Assert.Single(await again.ReadAuditAsync(found.Key, Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteSqlAsync($"DELETE FROM reconciliation_audit WHERE tenant = '{Tenant}'"));
    }
}
