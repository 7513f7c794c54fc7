using System.Text.Json;
using Actors.Cli;

namespace Actors.Tests.Cli;

/// <summary><c>actors demo peak-sale</c> against a running silo: many shoppers racing for few units never oversell.</summary>
public sealed class PeakSaleCliTests(InventorySiloFixture fixture) : IClassFixture<InventorySiloFixture>
{
    private string[] Connection => ["--gateway-port", fixture.GatewayPort.ToString(), "--cluster-id", fixture.ClusterId, "--connect-timeout", "10"];

    private Task<CliRun> Actors(params string[] args) => CliRun.StartAsync([.. Connection, .. args]);

    [Fact]
    public async Task Three_hundred_shoppers_for_a_hundred_units_buy_exactly_a_hundred()
    {
        var tenant = $"sale-{Guid.NewGuid():N}"[..16];

        var run = await Actors("--json", "demo", "peak-sale", "--tenant", tenant, "--units", "100", "--shoppers", "300", "--concurrency", "32");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var report = json.RootElement;
        Assert.True(report.GetProperty("ok").GetBoolean());
        Assert.Equal(100, report.GetProperty("unitsSold").GetInt64());
        Assert.Equal(0, report.GetProperty("unitsOversold").GetInt64());
        Assert.Equal(200, report.GetProperty("reservationsRejected").GetInt64());
        Assert.Equal(0, report.GetProperty("failedCheckouts").GetInt64());
        Assert.True(report.GetProperty("snapshotAgrees").GetBoolean());
        Assert.True(report.GetProperty("latencyP99Milliseconds").GetDouble() >= report.GetProperty("latencyP50Milliseconds").GetDouble());
        // Counted again here, independently of the demo's own snapshot read.
        var sku = report.GetProperty("sku").GetString()!;
        var stock = await fixture.Client.Inventory.GetAvailabilityAsync(tenant, sku, report.GetProperty("location").GetString()!);
        Assert.Equal(0, stock.Total.Buckets.Available);
        Assert.Equal(100, stock.Total.Buckets.Reserved);
    }

    [Fact]
    public async Task A_sale_on_a_sku_split_over_shards_sells_exactly_the_units_received()
    {
        var tenant = $"sale-{Guid.NewGuid():N}"[..16];

        var run = await Actors("--json", "demo", "peak-sale", "--tenant", tenant, "--sku", InventorySiloFixture.HotSku,
            "--units", "100", "--shoppers", "300", "--concurrency", "32");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(InventorySiloFixture.HotSkuShards, json.RootElement.GetProperty("shards").GetInt32());
        Assert.Equal(100, json.RootElement.GetProperty("unitsSold").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("unitsOversold").GetInt64());
        Assert.Equal(200, json.RootElement.GetProperty("reservationsRejected").GetInt64());
        var stock = await fixture.Client.Inventory.GetSnapshotAsync(tenant, InventorySiloFixture.HotSku, "store-1");
        Assert.Equal((0, 100), (stock.Buckets.Available, stock.Buckets.Reserved));
    }

    [Fact]
    public async Task A_second_sale_on_the_same_sku_receives_under_a_new_source_and_counts_from_what_was_left()
    {
        var tenant = $"sale-{Guid.NewGuid():N}"[..16];
        string[] sale = ["demo", "peak-sale", "--tenant", tenant, "--sku", "hot-1", "--location", "store-9", "--concurrency", "8"];

        var first = await Actors([.. sale, "--units", "20", "--shoppers", "25"]);
        var second = await Actors(["--json", .. sale, "--units", "10", "--shoppers", "30"]);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Contains("units sold        20 of 20 on offer", first.Stdout);
        Assert.Contains("units oversold    0 (must be 0)", first.Stdout);
        Assert.Contains("rejected          5 reservation(s)", first.Stdout);
        Assert.Contains("p99", first.Stdout);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        using var json = JsonDocument.Parse(second.Stdout);
        Assert.Equal(10, json.RootElement.GetProperty("unitsSold").GetInt64());
        Assert.Equal(20, json.RootElement.GetProperty("reservationsRejected").GetInt64());
        var stock = await fixture.Client.Inventory.GetSnapshotAsync(tenant, "hot-1", "store-9");
        Assert.Equal(30, stock.Buckets.Reserved);
        Assert.Equal(0, stock.Buckets.Available);
    }

    [Theory]
    [InlineData("demo", "peak-sale", "--units", "0", "--shoppers", "10")]
    [InlineData("demo", "peak-sale", "--units", "10")]
    [InlineData("demo", "peak-sale", "--units", "10", "--shoppers", "10", "--sku", "a@b")]
    [InlineData("demo", "peak-sale", "--units", "10", "--shoppers", "10", "--concurrency", "0")]
    [InlineData("demo", "peak-sale", "--units", "10", "--shoppers", "10", "--ttl", "1ms")]
    public async Task Bad_arguments_exit_2_before_connecting(params string[] args)
    {
        var run = await CliRun.StartAsync(args);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
    }
}
