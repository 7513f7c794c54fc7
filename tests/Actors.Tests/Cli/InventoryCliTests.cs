using System.Text.Json;
using Actors.Cli;

namespace Actors.Tests.Cli;

/// <summary><c>actors inventory ...</c> against a running silo through its gateway, as an operator or a store system would use it.</summary>
public sealed class InventoryCliTests(InventorySiloFixture fixture) : IClassFixture<InventorySiloFixture>
{
    private const string Sku = "sku-1";
    private const string Location = "store-1";

    private readonly string _tenant = $"inv-{Guid.NewGuid():N}"[..16];

    private string[] Connection => ["--gateway-port", fixture.GatewayPort.ToString(), "--cluster-id", fixture.ClusterId, "--connect-timeout", "10"];

    private string[] Key => ["--tenant", _tenant, "--sku", Sku, "--location", Location];

    private Task<CliRun> Actors(params string[] args) => CliRun.StartAsync([.. Connection, .. args]);

    private Task<CliRun> Inventory(string verb, params string[] args) => Actors(["--json", "inventory", verb, .. Key, .. args]);

    [Fact]
    public async Task Receive_reserve_retry_confirm_release_and_availability_move_units_between_buckets()
    {
        var received = await Inventory("receive", "--source", "wms", "--seq", "1", "--quantity", "10");
        var receivedAgain = await Inventory("receive", "--source", "wms", "--seq", "1", "--quantity", "10");
        var reserved = await Inventory("reserve", "--reservation", "r1", "--quantity", "3", "--ttl", "5m");
        var retried = await Inventory("reserve", "--reservation", "r1", "--quantity", "3", "--ttl", "5m");
        var otherQuantity = await Inventory("reserve", "--reservation", "r1", "--quantity", "4");
        var confirmed = await Inventory("confirm", "--reservation", "r1");
        var confirmedAgain = await Actors(["inventory", "confirm", .. Key, "--reservation", "r1"]);
        var second = await Inventory("reserve", "--reservation", "r2", "--quantity", "2");
        var released = await Inventory("release", "--reservation", "r2");
        var availability = await Inventory("availability");
        var table = await Actors(["inventory", "availability", .. Key]);

        Assert.True(received.ExitCode == ExitCodes.Ok, received.ToString());
        AssertJson(received, json =>
        {
            Assert.False(json.GetProperty("duplicate").GetBoolean());
            Assert.Equal(10, Buckets(json.GetProperty("snapshot")).GetProperty("available").GetInt64());
        });
        Assert.True(receivedAgain.ExitCode == ExitCodes.Ok, receivedAgain.ToString());
        AssertJson(receivedAgain, json =>
        {
            Assert.True(json.GetProperty("duplicate").GetBoolean());
            Assert.Equal(10, Buckets(json.GetProperty("snapshot")).GetProperty("available").GetInt64());
        });
        Assert.True(reserved.ExitCode == ExitCodes.Ok, reserved.ToString());
        AssertJson(reserved, json =>
        {
            Assert.Equal("reserved", json.GetProperty("status").GetString());
            Assert.False(json.GetProperty("duplicate").GetBoolean());
            Assert.Equal(3, json.GetProperty("quantity").GetInt64());
        });
        Assert.True(retried.ExitCode == ExitCodes.Ok, retried.ToString());
        AssertJson(retried, json =>
        {
            Assert.True(json.GetProperty("duplicate").GetBoolean());
            Assert.Equal("reserved", json.GetProperty("status").GetString());
            Assert.Equal(3, Buckets(json.GetProperty("snapshot")).GetProperty("reserved").GetInt64());
        });
        Assert.True(otherQuantity.ExitCode == ExitCodes.Conflict, otherQuantity.ToString());
        Assert.Contains("conflict", otherQuantity.Stderr);
        Assert.True(confirmed.ExitCode == ExitCodes.Ok, confirmed.ToString());
        AssertJson(confirmed, json => Assert.Equal("confirmed", json.GetProperty("status").GetString()));
        Assert.True(confirmedAgain.ExitCode == ExitCodes.Ok, confirmedAgain.ToString());
        Assert.Contains("duplicate:  true", confirmedAgain.Stdout);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.True(released.ExitCode == ExitCodes.Ok, released.ToString());
        AssertJson(released, json => Assert.Equal("released", json.GetProperty("status").GetString()));
        Assert.True(availability.ExitCode == ExitCodes.Ok, availability.ToString());
        AssertJson(availability, json =>
        {
            var total = Buckets(json.GetProperty("total"));
            Assert.Equal(7, total.GetProperty("available").GetInt64());
            Assert.Equal(0, total.GetProperty("reserved").GetInt64());
            Assert.Equal(3, total.GetProperty("committed").GetInt64());
            var shards = json.GetProperty("shards").EnumerateArray().ToList();
            Assert.NotEmpty(shards);
            Assert.Equal(7, shards.Sum(s => Buckets(s).GetProperty("available").GetInt64()));
        });
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains($"{_tenant}/{Sku}@{Location}: 7 available to promise", table.Stdout);
        Assert.Matches(@"│ all\s+│\s+7 │\s+0 │\s+3 │\s+0 │\s+0 │\s+0 │\s+10 │", table.Stdout);
    }

    [Fact]
    public async Task Availability_of_a_sharded_sku_shows_one_row_per_shard_and_their_sum()
    {
        string[] hot = ["--tenant", _tenant, "--sku", InventorySiloFixture.HotSku, "--location", Location];
        var received = await Actors(["inventory", "receive", .. hot, "--source", "wms", "--seq", "1", "--quantity", "40"]);
        var reservations = new List<CliRun>();
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            reservations.Add(await Actors(["inventory", "reserve", .. hot, "--reservation", id, "--quantity", "2"]));
        }

        var json = await Actors(["--json", "inventory", "availability", .. hot]);
        var text = await Actors(["inventory", "availability", .. hot]);

        Assert.True(received.ExitCode == ExitCodes.Ok, received.ToString());
        Assert.All(reservations, r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        AssertJson(json, availability =>
        {
            var shards = availability.GetProperty("shards").EnumerateArray().Select(Buckets).ToList();
            Assert.Equal(InventorySiloFixture.HotSkuShards, shards.Count);
            var total = Buckets(availability.GetProperty("total"));
            Assert.Equal(30, total.GetProperty("available").GetInt64());
            Assert.Equal(10, total.GetProperty("reserved").GetInt64());
            Assert.Equal(30, shards.Sum(s => s.GetProperty("available").GetInt64()));
            Assert.Equal(10, shards.Sum(s => s.GetProperty("reserved").GetInt64()));
        });
        Assert.True(text.ExitCode == ExitCodes.Ok, text.ToString());
        Assert.Contains($"{InventorySiloFixture.HotSkuShards} shard(s)", text.Stdout);
        for (var shard = 0; shard < InventorySiloFixture.HotSkuShards; shard++)
        {
            Assert.Matches($@"│ {shard}\s+│", text.Stdout);
        }
        Assert.Matches(@"│ all\s+│\s+30 │\s+10 │", text.Stdout);
    }

    [Fact]
    public async Task A_reservation_beyond_available_exits_4_with_the_snapshot_and_holds_nothing()
    {
        await Inventory("receive", "--source", "wms", "--seq", "1", "--quantity", "2");

        var refused = await Inventory("reserve", "--reservation", "too-many", "--quantity", "3");
        var text = await Actors(["inventory", "reserve", .. Key, "--reservation", "too-many", "--quantity", "3"]);

        Assert.True(refused.ExitCode == ExitCodes.Conflict, refused.ToString());
        AssertJson(refused, json =>
        {
            Assert.Equal("insufficient-stock", json.GetProperty("error").GetString());
            Assert.Equal(3, json.GetProperty("requested").GetInt64());
            Assert.Equal(2, Buckets(json.GetProperty("current")).GetProperty("available").GetInt64());
        });
        Assert.True(text.ExitCode == ExitCodes.Conflict, text.ToString());
        Assert.Contains("insufficient stock", text.Stderr);
        Assert.Equal("", text.Stdout);
        var after = await fixture.Client.Inventory.GetAvailabilityAsync(_tenant, Sku, Location);
        Assert.Equal(2, after.Total.Buckets.Available);
        Assert.Equal(0, after.Total.Buckets.Reserved);
    }

    [Fact]
    public async Task Adjust_corrects_the_count_and_refuses_to_go_below_zero()
    {
        await Inventory("receive", "--source", "wms", "--seq", "1", "--quantity", "5");

        var shrink = await Inventory("adjust", "--source", "count", "--seq", "1", "--delta", "-3", "--reason", "cycle count");
        var belowZero = await Inventory("adjust", "--source", "count", "--seq", "2", "--delta", "-3");

        Assert.True(shrink.ExitCode == ExitCodes.Ok, shrink.ToString());
        AssertJson(shrink, json => Assert.Equal(2, Buckets(json.GetProperty("snapshot")).GetProperty("available").GetInt64()));
        Assert.True(belowZero.ExitCode == ExitCodes.InvalidInput, belowZero.ToString());
        var after = await fixture.Client.Inventory.GetSnapshotAsync(_tenant, Sku, Location);
        Assert.Equal(2, after.Buckets.Available);
    }

    [Fact]
    public async Task Confirming_an_unknown_reservation_exits_5()
    {
        var run = await Inventory("confirm", "--reservation", "never-made");

        Assert.True(run.ExitCode == ExitCodes.NotFound, run.ToString());
        Assert.Contains("never-made", run.Stderr);
    }

    [Theory]
    [InlineData("receive", "--source", "wms", "--seq", "1", "--quantity", "0")]
    [InlineData("receive", "--source", "wms", "--seq", "0", "--quantity", "5")]
    [InlineData("receive", "--source", "wms", "--seq", "1")]
    [InlineData("receive", "--source", "", "--seq", "1", "--quantity", "5")]
    [InlineData("adjust", "--source", "count", "--seq", "1", "--delta", "0")]
    [InlineData("reserve", "--reservation", "r1", "--quantity", "0")]
    [InlineData("reserve", "--reservation", "r1", "--ttl", "5x")]
    [InlineData("reserve", "--reservation", "r1", "--ttl", "0ms")]
    [InlineData("reserve", "--reservation", "has space")]
    [InlineData("confirm")]
    [InlineData("release", "--reservation", "")]
    public async Task Bad_arguments_exit_2_and_write_nothing(params string[] args)
    {
        var run = await Actors(["inventory", args[0], .. Key, .. args[1..]]);
        var badSku = await Actors(["inventory", args[0], "--tenant", _tenant, "--sku", "a@b", "--location", Location, .. args[1..]]);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.True(badSku.ExitCode == ExitCodes.InvalidInput, badSku.ToString());
        var stock = await fixture.Client.Inventory.GetSnapshotAsync(_tenant, Sku, Location);
        Assert.Equal(0, stock.Version);
    }

    [Theory]
    [InlineData("inventory", "receive", "--tenant", "t1", "--sku", "s@1", "--location", "l", "--source", "wms", "--seq", "1", "--quantity", "1")]
    [InlineData("inventory", "availability", "--tenant", "t 1", "--sku", "s", "--location", "l")]
    [InlineData("inventory", "reserve", "--tenant", "t1", "--sku", "s", "--location", "l", "--reservation", "r", "--ttl", "2d")]
    public async Task Bad_arguments_exit_2_before_connecting(params string[] args)
    {
        // No cluster options: an argument error must be reported before any connection attempt (which would exit 3).
        var run = await CliRun.StartAsync(args);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
    }

    private static JsonElement Buckets(JsonElement snapshot) => snapshot.GetProperty("buckets");

    private static void AssertJson(CliRun run, Action<JsonElement> check)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        check(json.RootElement);
    }
}
