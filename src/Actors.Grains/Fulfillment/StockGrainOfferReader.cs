using Actors.Contracts.Inventory;
using Actors.Fulfillment;

namespace Actors.Grains.Fulfillment;

/// <summary>Reads available-to-promise from each SKU-location's <see cref="IStockGrain"/>, all in parallel.</summary>
public sealed class StockGrainOfferReader(IGrainFactory grains) : IStockOfferReader
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StockOffer>> ReadAsync(string tenant, IReadOnlyList<string> skus, IReadOnlyList<string> locationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        ArgumentNullException.ThrowIfNull(locationIds);
        var reads = skus.SelectMany(sku => locationIds.Select(async location =>
        {
            var snapshot = await grains.GetGrain<IStockGrain>(StockKey.Format(tenant, sku, location)).GetSnapshot();
            // The solver counts in int; no single order can use more than int.MaxValue units of one location anyway.
            return new StockOffer(location, sku, (int)Math.Min(snapshot.Buckets.Available, int.MaxValue));
        }));
        return await Task.WhenAll(reads).WaitAsync(cancellationToken);
    }
}
