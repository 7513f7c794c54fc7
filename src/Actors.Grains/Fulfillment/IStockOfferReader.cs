using Actors.Fulfillment;

namespace Actors.Grains.Fulfillment;

/// <summary>
/// Where <see cref="FulfillmentGrain"/> reads available-to-promise before it solves. A seam on purpose: it is the one
/// moment between reading stock and reserving it, so a test can register a decorator (after <c>AddActors</c>) that moves
/// stock right after the read and drive the re-solve path deterministically. Production uses <see cref="StockGrainOfferReader"/>.
/// </summary>
public interface IStockOfferReader
{
    /// <summary>
    /// The units each of <paramref name="locationIds"/> can promise now for each of <paramref name="skus"/>: one offer per
    /// (location, SKU) pair, in any order.
    /// </summary>
    Task<IReadOnlyList<StockOffer>> ReadAsync(string tenant, IReadOnlyList<string> skus, IReadOnlyList<string> locationIds, CancellationToken cancellationToken);
}
