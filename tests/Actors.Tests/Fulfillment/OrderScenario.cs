using Actors.Contracts.Fulfillment;
using Actors.Contracts.Inventory;
using Orleans;

namespace Actors.Tests.Fulfillment;

/// <summary>One test's tenant (fresh per test, so tests sharing a cluster never see each other's stock or orders) and its steps.</summary>
internal sealed class OrderScenario(IClusterClient client)
{
    public const string Sku = "sku-1";

    public string Tenant { get; } = "t" + Guid.NewGuid().ToString("N")[..12];

    public IStockGrain Stock(string location) => client.GetGrain<IStockGrain>(StockKey.Format(Tenant, Sku, location));

    public IFulfillmentGrain Order(string orderId) => client.GetGrain<IFulfillmentGrain>(Actors.Contracts.EntityKey.Format(Tenant, orderId));

    public async Task ReceiveAsync(string location, long units) =>
        await Stock(location).Record(new StockReceived { Source = "wms", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, Quantity = units });

    public async Task<StockBuckets> BucketsAsync(string location) => (await Stock(location).GetSnapshot()).Buckets;

    public static PlaceOrder Northern(string orderId, int quantity, int promiseDays = 2) =>
        new(orderId, TestNetwork.Region, promiseDays, [new PlaceOrderLine(Sku, quantity)]);
}
