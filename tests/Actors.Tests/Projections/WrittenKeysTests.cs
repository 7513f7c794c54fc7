using Actors.Ledger.Projections;

namespace Actors.Tests.Projections;

/// <summary>A rebuild's memory of the keys it wrote: new keys once, and never a false "new" once it is full.</summary>
public sealed class WrittenKeysTests
{
    private static BalanceDelta Balance(string account, string currency = "USD") => new($"account/t/{account}", "t", account, currency, 1, 1, 1);

    private static UsageDelta Usage(string account, string window) => new($"account/t/{account}", "t", account, "api", window, "USD", 1, 1, 1);

    [Fact]
    public void A_key_is_new_the_first_time_only()
    {
        var keys = new WrittenKeys(capacity: 10);

        Assert.True(keys.IsNew(Balance("a")));
        Assert.False(keys.IsNew(Balance("a")));
        Assert.True(keys.IsNew(Balance("a", "EUR")));
        Assert.True(keys.IsNew(Usage("a", "2026-11")));
        Assert.False(keys.IsNew(Usage("a", "2026-11")));
        Assert.True(keys.IsNew(Usage("a", "2026-12")));
    }

    [Fact]
    public void Once_full_no_unremembered_key_is_called_new()
    {
        var keys = new WrittenKeys(capacity: 2);
        Assert.True(keys.IsNew(Balance("a")));
        Assert.True(keys.IsNew(Usage("a", "2026-11")));

        Assert.False(keys.IsNew(Balance("b")));
        Assert.False(keys.IsNew(Balance("b")));
        Assert.False(keys.IsNew(Usage("c", "2026-11")));
        Assert.False(keys.IsNew(Balance("a")));
    }

    [Fact]
    public void A_fold_moves_only_the_keys_it_has_not_written_before_to_the_new_lists()
    {
        var keys = new WrittenKeys(capacity: 100);
        var fold = new BalancesFold();
        var usage = Actors.Domain.Billing.BillingEventCodec.Serialize(new Contracts.Billing.UsageRecorded
        {
            Source = "m", Seq = 1, OccurredAt = new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), Currency = "USD", Meter = "api", Quantity = 2, UnitPriceMinor = 5,
        });
        var row = new Actors.Ledger.LedgerEntry(1, "account/t/a", "t", 1, "m", 1, "UsageRecorded", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, usage);

        fold.AddRange([row]);
        var first = fold.ToBatch(keys);
        fold.Clear();
        fold.AddRange([row with { GlobalPosition = 2, Position = 2 }]);
        var second = fold.ToBatch(keys);

        Assert.Equal((1, 1, 0, 0), (first.NewBalances.Count, first.NewUsage.Count, first.Balances.Count, first.Usage.Count));
        Assert.Equal((0, 0, 1, 1), (second.NewBalances.Count, second.NewUsage.Count, second.Balances.Count, second.Usage.Count));
        Assert.Equal(10, second.Balances[0].AmountMinor);
        Assert.Equal(("2026-11", 2L, 10L), (second.Usage[0].Window, second.Usage[0].Quantity, second.Usage[0].AmountMinor));
    }
}
