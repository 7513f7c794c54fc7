using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Contracts.Fulfillment;
using Actors.Contracts.Inventory;
using Orleans.Runtime;

namespace Actors.Tests.Cli;

/// <summary>
/// The inventory and orders SDK clients retry transient failures with the very same idempotency key (reservation id,
/// order), never retry a grain's verdict, and reject malformed input before anything is sent.
/// </summary>
public sealed class InventoryClientRetryTests
{
    private const string StockKeyOfSku = "acme/sku-1@store-1";

    private static ActorsClientOptions FastRetries(int attempts) => new()
    {
        Retry = { MaxRetryAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    };

    [Fact]
    public async Task A_reservation_is_retried_with_the_same_id_quantity_and_ttl()
    {
        var stock = new InventoryScriptedStockGrain(new SiloUnavailableException("silo went away"), new TimeoutException("late"));
        var client = ActorsClient.FromClusterClient(InventoryFakeGrainFactory.For((typeof(IStockGrain), StockKeyOfSku, stock)), FastRetries(4));

        var outcome = await client.Inventory.ReserveAsync("acme", "sku-1", "store-1", "cart-7", 2, TimeSpan.FromMinutes(5));

        Assert.Equal(3, stock.Reservations.Count);
        Assert.All(stock.Reservations, r => Assert.Equal(("cart-7", 2L, TimeSpan.FromMinutes(5)), r));
        Assert.True(outcome.Duplicate);
    }

    [Fact]
    public async Task Insufficient_stock_is_final()
    {
        var refused = new InsufficientStockException(StockKeyOfSku, 2, new StockSnapshot(4, new StockBuckets(1, 0, 0, 0, 0), DateTimeOffset.UnixEpoch));
        var stock = new InventoryScriptedStockGrain(refused);
        var client = ActorsClient.FromClusterClient(InventoryFakeGrainFactory.For((typeof(IStockGrain), StockKeyOfSku, stock)), FastRetries(4));

        var error = await Assert.ThrowsAsync<InsufficientStockException>(
            () => client.Inventory.ReserveAsync("acme", "sku-1", "store-1", "cart-7", 2, TimeSpan.FromMinutes(5)));

        Assert.Single(stock.Reservations);
        Assert.Equal(1, error.Current.Buckets.Available);
    }

    [Fact]
    public async Task Exhausted_retries_surface_as_cluster_unavailable()
    {
        var stock = new InventoryScriptedStockGrain(new SiloUnavailableException("a"), new SiloUnavailableException("b"), new SiloUnavailableException("c"));
        var client = ActorsClient.FromClusterClient(InventoryFakeGrainFactory.For((typeof(IStockGrain), StockKeyOfSku, stock)), FastRetries(2));

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(
            () => client.Inventory.ReserveAsync("acme", "sku-1", "store-1", "cart-7", 1, TimeSpan.FromMinutes(5)));

        Assert.Equal(3, stock.Reservations.Count);
        Assert.Contains("reservation id is safe", error.Message);
    }

    [Theory]
    [InlineData("", 1, 60)]
    [InlineData("has space", 1, 60)]
    [InlineData("cart-7", 0, 60)]
    [InlineData("cart-7", 1, 0)]
    public async Task A_malformed_reservation_is_rejected_before_anything_is_sent(string reservationId, long quantity, int ttlSeconds)
    {
        var stock = new InventoryScriptedStockGrain();
        var client = ActorsClient.FromClusterClient(InventoryFakeGrainFactory.For((typeof(IStockGrain), StockKeyOfSku, stock)), FastRetries(4));

        await Assert.ThrowsAsync<InvalidEventException>(
            () => client.Inventory.ReserveAsync("acme", "sku-1", "store-1", reservationId, quantity, TimeSpan.FromSeconds(ttlSeconds)));

        Assert.Empty(stock.Reservations);
    }

    [Fact]
    public async Task An_order_is_retried_with_the_same_order_and_a_conflict_is_final()
    {
        var order = new PlaceOrder("o-1", "north", 2, [new PlaceOrderLine("sku-1", 3)]);
        var retried = new OrdersScriptedFulfillmentGrain("acme", new TimeoutException("late"));
        var conflicted = new OrdersScriptedFulfillmentGrain("acme", new ConflictException("acme/o-2", "order", 1), null);
        var client = ActorsClient.FromClusterClient(
            InventoryFakeGrainFactory.For((typeof(IFulfillmentGrain), "acme/o-1", retried), (typeof(IFulfillmentGrain), "acme/o-2", conflicted)),
            FastRetries(4));

        var decision = await client.Orders.PlaceAsync("acme", order);
        await Assert.ThrowsAsync<ConflictException>(() => client.Orders.PlaceAsync("acme", order with { OrderId = "o-2" }));

        Assert.Equal(2, retried.Received.Count);
        Assert.All(retried.Received, sent => Assert.Same(order, sent));
        Assert.True(decision.Duplicate);
        Assert.Single(conflicted.Received);
    }

    [Theory]
    [InlineData("o 1", "north", 2, "sku-1", 1, "orderId")]
    [InlineData("o-1", "", 2, "sku-1", 1, "region")]
    [InlineData("o-1", "north", -1, "sku-1", 1, "promiseDays")]
    [InlineData("o-1", "north", 2, "sku@1", 1, "lines[0].sku")]
    [InlineData("o-1", "north", 2, "sku-1", 0, "lines[0].quantity")]
    public void A_malformed_order_is_rejected_naming_the_field(string orderId, string region, int promiseDays, string sku, int quantity, string field)
    {
        var error = Assert.Throws<InvalidEventException>(
            () => Actors.Client.Orders.OrdersClient.Validate("acme", new PlaceOrder(orderId, region, promiseDays, [new PlaceOrderLine(sku, quantity)])));

        Assert.Contains(field, error.Message);
    }
}
