using System.Text.Json.Serialization;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Demo;

/// <summary>
/// The outcome of a peak sale, counted twice: from what the shoppers were told (acknowledged reservations against the units
/// on offer) and from the SKU-location's final snapshot. <see cref="Ok"/> only when nothing was oversold and both counts agree.
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Location">The location.</param>
/// <param name="RunId">Makes the receipt source and reservation ids unique to this run.</param>
/// <param name="Units">Units received for the sale.</param>
/// <param name="Shoppers">Checkouts attempted.</param>
/// <param name="Concurrency">Checkouts in flight at once.</param>
/// <param name="UnitsOnOffer">Units available to promise when the sale opened: the receipt plus whatever was already available.</param>
/// <param name="UnitsSold">Acknowledged reservations (one unit each).</param>
/// <param name="UnitsOversold">Acknowledged reservations beyond the units on offer; must be 0.</param>
/// <param name="ReservationsRejected">Checkouts refused with insufficient stock.</param>
/// <param name="FailedCheckouts">Checkouts that ended with any other error.</param>
/// <param name="DuplicatesAnswered">Acknowledged reservations answered as duplicates of an SDK retry.</param>
/// <param name="Final">The SKU-location's buckets after the sale, summed over its shards.</param>
/// <param name="Shards">How many shards hold the SKU-location.</param>
/// <param name="SnapshotHeld">Units the snapshot shows taken during the sale (reserved + committed, less what was held before).</param>
/// <param name="LatencyP50Milliseconds">Median checkout call time.</param>
/// <param name="LatencyP99Milliseconds">99th percentile checkout call time.</param>
/// <param name="LatencyMaxMilliseconds">Slowest checkout.</param>
/// <param name="ElapsedSeconds">Wall time of the checkouts.</param>
/// <param name="CheckoutsPerSecond">Checkouts answered per second.</param>
/// <param name="FirstFailure">The first unexpected error, if any.</param>
public sealed record PeakSaleReport(
    string Tenant,
    string Sku,
    string Location,
    string RunId,
    long Units,
    int Shoppers,
    int Concurrency,
    long UnitsOnOffer,
    long UnitsSold,
    long UnitsOversold,
    long ReservationsRejected,
    long FailedCheckouts,
    long DuplicatesAnswered,
    StockBuckets Final,
    int Shards,
    long SnapshotHeld,
    double LatencyP50Milliseconds,
    double LatencyP99Milliseconds,
    double LatencyMaxMilliseconds,
    double ElapsedSeconds,
    double CheckoutsPerSecond,
    string? FirstFailure)
{
    /// <summary>
    /// The final snapshot matches what the shoppers were told: it holds exactly the acknowledged units, and the rest of the
    /// units on offer are still available (with no units between shards, where a summed read may count a unit twice).
    /// </summary>
    public bool SnapshotAgrees => SnapshotHeld == UnitsSold && Final.Available == UnitsOnOffer - UnitsSold && Final.InTransit == 0;

    /// <summary>Nothing oversold, the snapshot agrees, and every checkout got a clear answer.</summary>
    [JsonPropertyOrder(-1)]
    public bool Ok => UnitsOversold == 0 && SnapshotAgrees && FailedCheckouts == 0;

    /// <summary>The report of a sale that opened on <paramref name="before"/>, received <paramref name="settings"/>' units, and ended on <paramref name="after"/>.</summary>
    public static PeakSaleReport Create(PeakSaleSettings settings, StockSnapshot before, PeakSaleTally tally, StockAvailability after)
    {
        var onOffer = before.Buckets.Available + settings.Units;
        var held = after.Total.Buckets.Reserved + after.Total.Buckets.Committed - before.Buckets.Reserved - before.Buckets.Committed;
        var seconds = tally.Elapsed.TotalSeconds;
        return new PeakSaleReport(
            settings.Tenant,
            settings.Sku,
            settings.Location,
            settings.RunId,
            settings.Units,
            settings.Shoppers,
            settings.Concurrency,
            onOffer,
            tally.Acknowledged,
            Math.Max(0, tally.Acknowledged - onOffer),
            tally.Rejected,
            tally.Failed,
            tally.DuplicatesAnswered,
            after.Total.Buckets,
            after.Shards.Count,
            held,
            PeakSaleLatency.Percentile(tally.LatenciesMilliseconds, 50),
            PeakSaleLatency.Percentile(tally.LatenciesMilliseconds, 99),
            PeakSaleLatency.Percentile(tally.LatenciesMilliseconds, 100),
            seconds,
            seconds > 0 ? settings.Shoppers / seconds : 0,
            tally.FirstFailure);
    }
}
