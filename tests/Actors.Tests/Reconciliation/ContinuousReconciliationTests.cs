using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Tests.Clusters;

namespace Actors.Tests.Reconciliation;

/// <summary>Continuous reconciliation: nobody starts a run, the silo's schedule does.</summary>
public sealed class ContinuousReconciliationTests(ContinuousReconciliationFixture fixture) : IClassFixture<ContinuousReconciliationFixture>
{
    [Fact]
    public async Task A_duplicate_recorded_now_is_found_by_the_schedule_without_anyone_starting_a_run()
    {
        var world = new ReconciliationWorld(fixture.Grains);
        var now = DateTimeOffset.UtcNow;
        await world.UsageAsync("c1", "api", 3, "meter", 1, now);
        await world.UsageAsync("c1", "api", 3, "replay", 1, now);

        var found = await Eventually.Until(
            () => world.Reconciler.ListExceptions(new ExceptionFilter(Window: BillingWindow.Of(now).ToString()), 10),
            list => list.Count > 0,
            TimeSpan.FromSeconds(30),
            "the scheduled reconciliation finding the duplicate");

        Assert.Equal(MismatchKind.DuplicatedUsage, Assert.Single(found).Key.Kind);
        var status = await world.Reconciler.GetStatus();
        Assert.Contains(status.RecentRuns, r => r.Window == BillingWindow.Of(now).Previous.ToString());
    }
}
