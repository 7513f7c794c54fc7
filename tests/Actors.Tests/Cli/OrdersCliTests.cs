using System.Text.Json;
using Actors.Cli;

namespace Actors.Tests.Cli;

/// <summary>
/// <c>actors orders place|show</c> against a running silo and the fixture's network: <c>wh-a</c> ships to <c>north</c> for 300
/// a unit in 1 day, <c>wh-b</c> for 500 in 3 days, so an order that fits in <c>wh-a</c>'s stock is routed there.
/// </summary>
public sealed class OrdersCliTests(InventorySiloFixture fixture) : IClassFixture<InventorySiloFixture>, IDisposable
{
    private readonly string _tenant = $"ord-{Guid.NewGuid():N}"[..16];
    private readonly string _folder = Directory.CreateTempSubdirectory("actors-orders-").FullName;

    private string[] Connection => ["--gateway-port", fixture.GatewayPort.ToString(), "--cluster-id", fixture.ClusterId, "--connect-timeout", "10"];

    private Task<CliRun> Actors(params string[] args) => CliRun.StartAsync([.. Connection, .. args]);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Place_routes_to_the_cheapest_location_commits_the_units_and_a_repeat_is_a_duplicate()
    {
        await StockAsync("widget", ("wh-a", 10), ("wh-b", 10));
        var file = Order("o-1", """{ "orderId": "o-1", "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": 3 } ] }""");

        var placed = await Actors("--json", "orders", "place", "--tenant", _tenant, "--file", file);
        var again = await Actors("--json", "orders", "place", "--tenant", _tenant, "--file", file);
        var shown = await Actors("--json", "orders", "show", "--tenant", _tenant, "--order", "o-1");
        var text = await Actors("orders", "show", "--tenant", _tenant, "--order", "o-1");

        Assert.True(placed.ExitCode == ExitCodes.Ok, placed.ToString());
        using (var json = JsonDocument.Parse(placed.Stdout))
        {
            var decision = json.RootElement;
            Assert.Equal("placed", decision.GetProperty("status").GetString());
            Assert.False(decision.GetProperty("duplicate").GetBoolean());
            var allocation = Assert.Single(decision.GetProperty("allocations").EnumerateArray().ToList());
            Assert.Equal("wh-a", allocation.GetProperty("locationId").GetString());
            Assert.Equal(3, allocation.GetProperty("quantity").GetInt32());
            Assert.False(string.IsNullOrEmpty(allocation.GetProperty("reservationId").GetString()));
        }
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        using (var json = JsonDocument.Parse(again.Stdout))
        {
            Assert.True(json.RootElement.GetProperty("duplicate").GetBoolean());
            Assert.Equal("placed", json.RootElement.GetProperty("status").GetString());
        }
        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        using (var json = JsonDocument.Parse(shown.Stdout))
        {
            Assert.Equal("o-1", json.RootElement.GetProperty("orderId").GetString());
            Assert.Equal("wh-a", json.RootElement.GetProperty("allocations")[0].GetProperty("locationId").GetString());
        }
        Assert.True(text.ExitCode == ExitCodes.Ok, text.ToString());
        Assert.Contains($"order {_tenant}/o-1: placed", text.Stdout);
        Assert.Contains("wh-a", text.Stdout);
        var a = await fixture.Client.Inventory.GetSnapshotAsync(_tenant, "widget", "wh-a");
        var b = await fixture.Client.Inventory.GetSnapshotAsync(_tenant, "widget", "wh-b");
        Assert.Equal((7, 0, 3), (a.Buckets.Available, a.Buckets.Reserved, a.Buckets.Committed));
        Assert.Equal(10, b.Buckets.Available);
    }

    [Fact]
    public async Task An_order_the_network_cannot_serve_exits_4_and_holds_nothing()
    {
        await StockAsync("gadget", ("wh-a", 2), ("wh-b", 1));
        var file = Order("o-big", """{ "orderId": "o-big", "region": "north", "promiseDays": 2, "lines": [ { "sku": "gadget", "quantity": 5 } ] }""");

        var run = await Actors("--json", "orders", "place", "--tenant", _tenant, "--file", file);

        Assert.True(run.ExitCode == ExitCodes.Conflict, run.ToString());
        using (var json = JsonDocument.Parse(run.Stdout))
        {
            Assert.Equal("failed", json.RootElement.GetProperty("status").GetString());
            Assert.Empty(json.RootElement.GetProperty("allocations").EnumerateArray());
        }
        Assert.Contains("failed", run.Stderr);
        var a = await fixture.Client.Inventory.GetSnapshotAsync(_tenant, "gadget", "wh-a");
        Assert.Equal((2, 0, 0), (a.Buckets.Available, a.Buckets.Reserved, a.Buckets.Committed));
    }

    [Fact]
    public async Task The_same_order_id_with_other_lines_exits_4()
    {
        await StockAsync("widget", ("wh-a", 10));
        var first = Order("o-2", """{ "orderId": "o-2", "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": 1 } ] }""");
        var other = Order("o-2b", """{ "orderId": "o-2", "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": 2 } ] }""");

        var placed = await Actors("orders", "place", "--tenant", _tenant, "--file", first);
        var conflict = await Actors("orders", "place", "--tenant", _tenant, "--file", other);

        Assert.True(placed.ExitCode == ExitCodes.Ok, placed.ToString());
        Assert.True(conflict.ExitCode == ExitCodes.Conflict, conflict.ToString());
        var a = await fixture.Client.Inventory.GetSnapshotAsync(_tenant, "widget", "wh-a");
        Assert.Equal(1, a.Buckets.Committed);
    }

    [Fact]
    public async Task Showing_an_order_never_placed_exits_5()
    {
        var run = await Actors("orders", "show", "--tenant", _tenant, "--order", "nope");

        Assert.True(run.ExitCode == ExitCodes.NotFound, run.ToString());
        Assert.Contains("never placed", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_region_exits_2_and_records_nothing()
    {
        var file = Order("o-r", """{ "orderId": "o-r", "region": "atlantis", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": 1 } ] }""");

        var run = await Actors("orders", "place", "--tenant", _tenant, "--file", file);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("atlantis", run.Stderr);
        Assert.Null(await fixture.Client.Orders.GetAsync(_tenant, "o-r"));
    }

    [Theory]
    [InlineData("""{ "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": 1 } ] }""", "orderId")]
    [InlineData("""{ "orderId": "o-bad", "region": "north", "promiseDays": "two", "lines": [ { "sku": "widget", "quantity": 1 } ] }""", "promiseDays")]
    [InlineData("""{ "orderId": "o-bad", "region": "north", "promiseDays": 2, "lines": [] }""", "lines")]
    [InlineData("""{ "orderId": "o-bad", "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": "1" } ] }""", "lines[0].quantity")]
    [InlineData("""{ "orderId": "o-bad", "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": 1 }, { "sku": "widget", "quantity": 0 } ] }""", "lines[1].quantity")]
    [InlineData("""{ "orderId": "o-bad", "region": "north", "promiseDays": 2, "lines": [ { "sku": "wid@get", "quantity": 1 } ] }""", "lines[0].sku")]
    [InlineData("""{ "orderId": "o-bad", "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "qty": 1 } ] }""", "lines[0].qty")]
    [InlineData("""{ "orderId": "o bad", "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": 1 } ] }""", "orderId")]
    [InlineData("""{ "orderId": "o-bad", "region": "north", "promiseDays": 2, "lines": [ { "sku": "widget", "quantity": 1 } """, "not valid JSON")]
    public async Task A_malformed_order_file_exits_2_naming_the_field_and_sends_nothing(string json, string field)
    {
        var file = Order("bad", json);

        var run = await Actors("orders", "place", "--tenant", _tenant, "--file", file);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(field, run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Null(await fixture.Client.Orders.GetAsync(_tenant, "o-bad"));
    }

    [Theory]
    [InlineData("orders", "place", "--tenant", "t1", "--file", "/no/such/order.json")]
    [InlineData("orders", "place", "--file", "order.json")]
    [InlineData("orders", "show", "--tenant", "t1")]
    [InlineData("orders", "show", "--tenant", "t1", "--order", "a/b")]
    public async Task Bad_arguments_exit_2_before_connecting(params string[] args)
    {
        var run = await CliRun.StartAsync(args);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
    }

    private async Task StockAsync(string sku, params (string Location, long Units)[] stock)
    {
        foreach (var (location, units) in stock)
        {
            await fixture.Client.Inventory.ReceiveAsync(_tenant, sku, location, "wms", 1, units);
        }
    }

    private string Order(string name, string json)
    {
        var path = Path.Combine(_folder, name + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
