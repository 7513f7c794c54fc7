using Actors.Contracts.Inventory;
using Actors.Fulfillment;
using Actors.Grains.Fulfillment;

namespace Actors.Tests.Fulfillment;

/// <summary>
/// Wraps the production reader: returns what it read, but first reserves every available unit of the SKU-location that
/// <see cref="StockTakeover"/> names, so the offers the grain solves over are already stale when it reserves.
/// </summary>
internal sealed class StockTakingOfferReader(IStockOfferReader inner, IGrainFactory grains, StockTakeover takeover) : IStockOfferReader
{
    /// <summary>Prefix of the reservation ids the rival holds.</summary>
    public const string RivalPrefix = "rival";

    public async Task<IReadOnlyList<StockOffer>> ReadAsync(string tenant, IReadOnlyList<string> skus, IReadOnlyList<string> locationIds, CancellationToken cancellationToken)
    {
        var offers = await inner.ReadAsync(tenant, skus, locationIds, cancellationToken);
        if (takeover.Next(tenant) is { } take)
        {
            var stock = grains.GetGrain<IStockGrain>(StockKey.Format(tenant, take.Sku, take.Location));
            var available = (await stock.GetSnapshot()).Buckets.Available;
            if (available > 0)
            {
                await stock.Reserve($"{RivalPrefix}.{take.Location}", available, TimeSpan.FromHours(1));
            }
        }
        return offers;
    }
}
