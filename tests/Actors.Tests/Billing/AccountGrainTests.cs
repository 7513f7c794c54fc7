using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Tests.Clusters;

namespace Actors.Tests.Billing;

public sealed class AccountGrainTests(LocalClusterFixture fixture) : IClassFixture<LocalClusterFixture>
{
    private IAccountGrain Account(string name) => fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format("t1", name));

    private static string NewAccount() => "acc-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Records_usage_and_payment_and_answers_balance_and_ledger()
    {
        var account = Account(NewAccount());

        var first = await account.Record(Events.Usage("meter-1", 1, quantity: 3, unitPrice: 25));
        var second = await account.Record(Events.Payment("bank", 1, amount: 40));

        Assert.False(first.Duplicate);
        Assert.Equal(1, first.LedgerPosition);
        Assert.Equal(2, second.LedgerPosition);
        Assert.True(second.GlobalPosition > first.GlobalPosition);

        var balance = await account.GetBalance();
        Assert.Equal(75 - 40, balance.BalanceMinor["USD"]);
        Assert.Equal(3, balance.UsageByMeter["api-calls"]);
        Assert.Equal(2, balance.EventCount);

        var ledger = await account.GetLedger(1, 100);
        Assert.Equal(["UsageRecorded", "PaymentReceived"], ledger.Select(r => r.Type));
        Assert.Equal([1L, 2L], ledger.Select(r => r.Position));
    }

    [Fact]
    public async Task Concurrent_duplicates_have_one_effect_and_all_get_the_original_outcome()
    {
        var account = Account(NewAccount());
        var usage = Events.Usage("meter-1", 7, quantity: 2, unitPrice: 100);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => account.Record(usage)));

        Assert.Single(outcomes, o => !o.Duplicate);
        Assert.All(outcomes, o => Assert.Equal(outcomes[0].GlobalPosition, o.GlobalPosition));
        var balance = await account.GetBalance();
        Assert.Equal(200, balance.BalanceMinor["USD"]);
        Assert.Equal(1, balance.EventCount);
    }

    [Fact]
    public async Task Out_of_order_delivery_with_repeats_counts_each_event_once()
    {
        var account = Account(NewAccount());
        var random = new Random(42);
        var events = Enumerable.Range(1, 60).Select(seq => Events.Usage(seq % 2 == 0 ? "a" : "b", seq, quantity: seq, unitPrice: 1)).ToList();
        var deliveries = events.Concat(events).Concat(events.Take(20)).OrderBy(_ => random.Next()).ToList();

        foreach (var e in deliveries)
        {
            await account.Record(e);
        }

        var balance = await account.GetBalance();
        Assert.Equal(events.Sum(e => e.Quantity), balance.BalanceMinor["USD"]);
        Assert.Equal(60, balance.EventCount);
        var ledger = await account.GetLedger(1, 1000);
        Assert.Equal(60, ledger.Select(r => (r.Source, r.Seq)).Distinct().Count());
    }

    [Fact]
    public async Task Same_key_with_a_different_payload_is_a_conflict_and_writes_nothing()
    {
        var account = Account(NewAccount());
        await account.Record(Events.Usage("meter-1", 1, quantity: 5));

        var error = await Assert.ThrowsAsync<ConflictException>(() => account.Record(Events.Usage("meter-1", 1, quantity: 6)));

        Assert.Equal("meter-1", error.EventSource);
        var balance = await account.GetBalance();
        Assert.Equal(50, balance.BalanceMinor["USD"]);
        Assert.Single(await account.GetLedger(1, 10));
    }

    [Fact]
    public async Task Invalid_event_is_rejected_with_a_specific_error_and_writes_nothing()
    {
        var account = Account(NewAccount());

        var error = await Assert.ThrowsAsync<InvalidEventException>(() => account.Record(Events.Usage("meter-1", 1, quantity: -1)));

        Assert.Contains("quantity", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await account.GetLedger(1, 10));
    }

    [Fact]
    public async Task Reactivation_rebuilds_state_from_snapshot_and_ledger_tail_and_still_answers_duplicates()
    {
        var name = NewAccount();
        var account = Account(name);
        // 23 events with snapshots every 5: activation loads the snapshot at 20 and replays 3.
        for (var seq = 1; seq <= 23; seq++)
        {
            await account.Record(Events.Usage("meter-1", seq, quantity: 1, unitPrice: 7));
        }
        var before = await account.GetBalance();

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var after = await Account(name).GetBalance();
        Assert.Equal(before.BalanceMinor, after.BalanceMinor);
        Assert.Equal(23, after.EventCount);
        Assert.Equal(23, after.LedgerPosition);
        var repeat = await Account(name).Record(Events.Usage("meter-1", 12, quantity: 1, unitPrice: 7));
        Assert.True(repeat.Duplicate);
        Assert.Equal(12, repeat.LedgerPosition);
    }
}
