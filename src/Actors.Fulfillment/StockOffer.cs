namespace Actors.Fulfillment;

/// <summary>Units of a SKU that a location can promise now (its available-to-promise).</summary>
/// <param name="LocationId">The location holding the stock.</param>
/// <param name="Sku">The stock-keeping unit.</param>
/// <param name="AvailableUnits">Units available to promise, not negative.</param>
public sealed record StockOffer(string LocationId, string Sku, int AvailableUnits);
