using System.Globalization;

namespace Actors.Cli.Demo;

/// <summary>
/// One peak-sale run: <see cref="Units"/> units received on a SKU-location, then <see cref="Shoppers"/> checkouts of one
/// unit each, <see cref="Concurrency"/> at a time. <see cref="RunId"/> makes the receipt's source and the reservation ids
/// unique per run, so reruns on the same SKU never collide with an earlier run's keys.
/// </summary>
public sealed record PeakSaleSettings(
    string Tenant,
    string Sku,
    string Location,
    long Units,
    int Shoppers,
    int Concurrency,
    TimeSpan Ttl,
    string RunId)
{
    /// <summary>The stock event source of this run's receipt (recorded once, at seq 1).</summary>
    public string ReceiptSource => $"peak-sale-{RunId}";

    /// <summary>The reservation id of shopper <paramref name="shopper"/> (0-based).</summary>
    public string ReservationId(int shopper) => $"{RunId}-shopper-{shopper.ToString(CultureInfo.InvariantCulture)}";
}
