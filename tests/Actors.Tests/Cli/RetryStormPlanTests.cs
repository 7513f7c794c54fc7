using Actors.Cli.Demo;
using Xunit;

namespace Actors.Tests.Cli;

/// <summary>The retry-storm plan is reproducible from its seed and sends every event exactly K times.</summary>
public sealed class RetryStormPlanTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2030-01-01T00:00:00Z");

    private static RetryStormSettings Settings(int seed) => new("storm-test", Accounts: 4, EventsPerAccount: 9, Duplicates: 3, Concurrency: 2, seed, MaxDelayMilliseconds: 5);

    [Fact]
    public void Same_seed_gives_the_same_events_prices_and_order()
    {
        var first = RetryStormPlan.Create(Settings(17), Start);
        var second = RetryStormPlan.Create(Settings(17), Start);

        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Sends, second.Sends);
        Assert.Equal(first.ExpectedBalanceMinor, second.ExpectedBalanceMinor);
    }

    [Fact]
    public void Different_seeds_give_different_storms()
    {
        var first = RetryStormPlan.Create(Settings(17), Start);
        var second = RetryStormPlan.Create(Settings(18), Start);

        Assert.NotEqual(first.Sends, second.Sends);
    }

    [Fact]
    public void Every_event_is_sent_exactly_k_times()
    {
        var plan = RetryStormPlan.Create(Settings(5), Start);

        Assert.Equal(4 * 9 * 3, plan.Sends.Count);
        var perEvent = plan.Sends.GroupBy(s => s.EventIndex).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(plan.Events.Count, perEvent.Count);
        Assert.All(perEvent.Values, count => Assert.Equal(3, count));
        Assert.All(plan.Sends, s => Assert.InRange(s.DelayMilliseconds, 0, 5));
    }

    [Fact]
    public void Idempotency_keys_are_unique_per_account_and_the_expected_balance_is_their_sum()
    {
        var plan = RetryStormPlan.Create(Settings(9), Start);

        foreach (var account in plan.Accounts)
        {
            var events = plan.Events.Where(e => e.Account == account).ToList();
            Assert.Equal(9, events.Count);
            Assert.Equal(events.Count, events.Select(e => (e.Event.Source, e.Event.Seq)).Distinct().Count());
            Assert.All(events, e => Assert.Equal(e.Event.Quantity * e.Event.UnitPriceMinor, e.ChargeMinor));
            Assert.Equal(events.Sum(e => e.ChargeMinor), plan.ExpectedBalanceMinor[account]);
        }
    }

    [Fact]
    public void Sends_are_reordered()
    {
        var plan = RetryStormPlan.Create(Settings(3), Start);

        var inPlanOrder = plan.Sends.Select(s => s.EventIndex).ToList();
        Assert.NotEqual(inPlanOrder.OrderBy(i => i).ToList(), inPlanOrder);
    }
}
