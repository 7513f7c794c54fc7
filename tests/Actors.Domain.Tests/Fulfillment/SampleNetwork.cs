using Actors.Fulfillment;

namespace Actors.Domain.Tests.Fulfillment;

/// <summary>Terse builders for small fulfillment instances shipping to one region.</summary>
internal static class SampleNetwork
{
    public const string Region = "north";

    public static FulfillmentLocation Location(string id, long costPerUnit, int transitDays, int capacity = 1_000) =>
        new(id, LocationKind.Warehouse, [new ShippingLane(Region, costPerUnit, transitDays)], capacity);

    public static FulfillmentNetwork Of(long latenessPerUnitDay, long splitPenalty, params FulfillmentLocation[] locations) =>
        new(locations, new FulfillmentWeights(latenessPerUnitDay, splitPenalty));

    public static OrderRequest Order(int promiseDays, params OrderLine[] lines) => new("order-1", Region, promiseDays, lines);

    public static OrderLine Line(string sku, int quantity) => new(sku, quantity);

    public static StockOffer Stock(string location, string sku, int units) => new(location, sku, units);
}
