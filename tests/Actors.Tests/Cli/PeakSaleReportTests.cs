using Actors.Cli.Demo;
using Actors.Contracts.Inventory;

namespace Actors.Tests.Cli;

/// <summary>The peak-sale verdict: it must fail a sale that oversold or whose snapshot disagrees with what shoppers were told.</summary>
public sealed class PeakSaleReportTests
{
    private static readonly PeakSaleSettings Settings = new("t", "s", "l", 100, 300, 8, TimeSpan.FromMinutes(10), "run");
    private static readonly StockSnapshot Empty = new(0, StockBuckets.Empty, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_sale_that_held_exactly_the_acknowledged_units_is_ok()
    {
        var report = PeakSaleReport.Create(Settings, Empty, Tally(acknowledged: 100, rejected: 200), After(available: 0, reserved: 100));

        Assert.True(report.Ok);
        Assert.Equal(0, report.UnitsOversold);
    }

    [Fact]
    public void More_acknowledged_reservations_than_units_on_offer_is_oversold()
    {
        var report = PeakSaleReport.Create(Settings, Empty, Tally(acknowledged: 101, rejected: 199), After(available: 0, reserved: 101));

        Assert.False(report.Ok);
        Assert.Equal(1, report.UnitsOversold);
    }

    [Fact]
    public void A_snapshot_holding_other_than_the_acknowledged_units_fails_the_sale()
    {
        var report = PeakSaleReport.Create(Settings, Empty, Tally(acknowledged: 99, rejected: 201), After(available: 0, reserved: 100));

        Assert.False(report.SnapshotAgrees);
        Assert.False(report.Ok);
    }

    [Fact]
    public void Units_already_available_before_the_sale_are_on_offer_too()
    {
        var before = new StockSnapshot(3, new StockBuckets(5, 2, 0, 0, 0), DateTimeOffset.UnixEpoch);

        var report = PeakSaleReport.Create(Settings, before, Tally(acknowledged: 105, rejected: 195), After(available: 0, reserved: 107));

        Assert.Equal(105, report.UnitsOnOffer);
        Assert.True(report.Ok);
    }

    [Fact]
    public void Latency_percentiles_are_nearest_rank()
    {
        var latencies = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        Assert.Equal(50, PeakSaleLatency.Percentile(latencies, 50));
        Assert.Equal(99, PeakSaleLatency.Percentile(latencies, 99));
        Assert.Equal(100, PeakSaleLatency.Percentile(latencies, 100));
        Assert.Equal(0, PeakSaleLatency.Percentile([], 99));
    }

    private static PeakSaleTally Tally(long acknowledged, long rejected) =>
        new(acknowledged, rejected, 0, 0, [1.0, 2.0], null, TimeSpan.FromSeconds(1));

    private static StockAvailability After(long available, long reserved)
    {
        var snapshot = new StockSnapshot(1, new StockBuckets(available, reserved, 0, 0, 0), DateTimeOffset.UnixEpoch);
        return new StockAvailability("t/s@l", snapshot, [snapshot]);
    }
}
