using System.Text.Json;
using Actors.Domain.Billing;
using Actors.Domain.Dedup;

namespace Actors.Domain.Tests.Billing;

public sealed class AccountStateTests
{
    [Fact]
    public void Empty_account_has_nothing()
    {
        var state = new AccountState();

        Assert.Equal(0, state.Position);
        Assert.Equal(0, state.EventCount);
        Assert.Empty(state.BalanceMinor);
        Assert.Empty(state.UsageByMeter);
        Assert.Equal(0, state.Dedup.Count);
    }

    [Fact]
    public void Charges_adjustments_credits_and_payments_add_up_per_currency()
    {
        var state = new AccountState();

        state.Apply(SampleEvents.Usage(seq: 1, quantity: 3, unitPrice: 250), 1);            // +750 USD
        state.Apply(SampleEvents.Usage(seq: 2, quantity: 10, unitPrice: null), 2);          // +0, rated later
        state.Apply(SampleEvents.Credit(seq: 1, amount: 100), 3);                           // -100 USD
        state.Apply(SampleEvents.Payment(seq: 1, amount: 200), 4);                          // -200 USD
        state.Apply(SampleEvents.Adjustment(seq: 1, amount: -50), 5);                       // -50 USD
        state.Apply(SampleEvents.Adjustment(seq: 2, amount: 30, currency: "EUR"), 6);       // +30 EUR
        state.Apply(SampleEvents.Usage(seq: 3, quantity: 2, unitPrice: 7, currency: "EUR", meter: "storage-gb"), 7); // +14 EUR

        Assert.Equal(new Dictionary<string, long> { ["USD"] = 400, ["EUR"] = 44 }, state.BalanceMinor);
        Assert.Equal(new Dictionary<string, long> { ["api-calls"] = 13, ["storage-gb"] = 2 }, state.UsageByMeter);
        Assert.Equal(7, state.Position);
        Assert.Equal(7, state.EventCount);
    }

    [Fact]
    public void Apply_marks_the_events_key()
    {
        var state = new AccountState();

        state.Apply(SampleEvents.Payment(source: "psp", seq: 4), 1);

        Assert.Equal(DedupVerdict.Seen, state.Dedup.Check("psp", 4));
        Assert.Equal(DedupVerdict.New, state.Dedup.Check("psp", 3));
    }

    [Theory]
    [InlineData(0L)] // backwards
    [InlineData(1L)] // repeat
    [InlineData(3L)] // gap
    public void Position_other_than_the_next_one_is_a_replay_bug(long position)
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Credit(seq: 1), 1);

        Assert.Throws<InvalidOperationException>(() => state.Apply(SampleEvents.Credit(seq: 2), position));
        Assert.Equal(1, state.Position);
    }

    [Fact]
    public void Applying_a_key_twice_is_a_replay_bug_and_changes_nothing()
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Credit(seq: 1, amount: 100), 1);

        Assert.Throws<InvalidOperationException>(() => state.Apply(SampleEvents.Credit(seq: 1, amount: 100), 2));
        Assert.Equal(-100, state.BalanceMinor["USD"]);
        Assert.Equal(1, state.EventCount);
    }

    [Fact]
    public void Overflow_throws_and_leaves_the_state_unchanged()
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Adjustment(seq: 1, amount: long.MaxValue - 1), 1);

        Assert.Throws<OverflowException>(() => state.Apply(SampleEvents.Usage(seq: 1, quantity: 1, unitPrice: 2), 2));
        Assert.Equal(long.MaxValue - 1, state.BalanceMinor["USD"]);
        Assert.Empty(state.UsageByMeter);
        Assert.Equal(1, state.Position);
        Assert.Equal(DedupVerdict.New, state.Dedup.Check("meter-eu", 1));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Snapshot_round_trips_through_json_and_the_restored_state_carries_on_identically(bool webNaming)
    {
        // The grain may persist with the default or the web (camelCase) options; both must round-trip.
        var options = webNaming ? JsonSerializerOptions.Web : JsonSerializerOptions.Default;
        var state = new AccountState(maxIntervals: 2);
        state.Apply(SampleEvents.Usage(seq: 5), 1);
        state.Apply(SampleEvents.Usage(seq: 2, currency: "EUR"), 2);
        state.Apply(SampleEvents.Credit(seq: 9), 3);
        state.Apply(SampleEvents.Usage(seq: 8, meter: "storage-gb"), 4);
        var json = JsonSerializer.Serialize(state.ToSnapshot(), options);

        var restored = AccountState.FromSnapshot(JsonSerializer.Deserialize<AccountSnapshot>(json, options)!);

        Assert.Equal(json, JsonSerializer.Serialize(restored.ToSnapshot(), options));
        state.Apply(SampleEvents.Payment(seq: 1), 5);
        restored.Apply(SampleEvents.Payment(seq: 1), 5);
        Assert.Equal(JsonSerializer.Serialize(state.ToSnapshot()), JsonSerializer.Serialize(restored.ToSnapshot()));
        Assert.Equal(2, restored.Dedup.MaxIntervals);
    }

    [Fact]
    public void Snapshot_of_an_unknown_format_is_refused()
    {
        var snapshot = new AccountState().ToSnapshot() with { Format = AccountSnapshot.CurrentFormat + 1 };

        Assert.Throws<InvalidOperationException>(() => AccountState.FromSnapshot(snapshot));
    }

    [Fact]
    public void Balance_reports_the_totals_as_copies()
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Usage(seq: 1, quantity: 4, unitPrice: 25), 1);

        var balance = state.ToBalance("acme", "acct-1");
        balance.BalanceMinor["USD"] = 0;

        Assert.Equal("acme", balance.Tenant);
        Assert.Equal("acct-1", balance.Account);
        Assert.Equal(new Dictionary<string, long> { ["api-calls"] = 4 }, balance.UsageByMeter);
        Assert.Equal(1, balance.EventCount);
        Assert.Equal(1, balance.LedgerPosition);
        Assert.Equal(100, state.BalanceMinor["USD"]);
    }
}
