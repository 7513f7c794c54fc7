using Actors.Client;
using Actors.IntegrationTests.OrleansSchema;
using Actors.Testing;

namespace Actors.IntegrationTests.Processes;

/// <summary>Two `cluster` silo processes on one machine and one PostgreSQL database form one cluster.</summary>
public sealed class ClusterProfileTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("actors-cluster-").FullName;
    private FreshPostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await FreshPostgresDatabase.CreateAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Two_silos_join_one_cluster_and_share_ledgers_through_postgres()
    {
        var clusterId = $"it-{Guid.NewGuid():N}"[..16];
        string[] Args() => SiloProcess.ClusterProfileArguments(_database.ConnectionString, clusterId);
        await using var first = await SiloProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_data, "a")).FullName, FreePort.Next(), FreePort.Next(), FreePort.Next(), extraArgs: Args());
        await using var second = await SiloProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_data, "b")).FullName, FreePort.Next(), FreePort.Next(), FreePort.Next(), extraArgs: Args());

        await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
        {
            Profile = ClusterProfile.Cluster,
            PostgresConnectionString = _database.ConnectionString,
            ClusterId = clusterId,
        });
        var hosts = await client.ClusterClient.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);

        for (var account = 0; account < 20; account++)
        {
            await client.Billing.RecordUsageAsync("pg", $"acc-{account}", "m", 1, "api", quantity: account + 1, unitPriceMinor: 10);
            var repeat = await client.Billing.RecordUsageAsync("pg", $"acc-{account}", "m", 1, "api", quantity: account + 1, unitPriceMinor: 10);
            Assert.True(repeat.Duplicate);
        }
        var balances = await Task.WhenAll(Enumerable.Range(0, 20).Select(a => client.Billing.GetBalanceAsync("pg", $"acc-{a}")));
        Assert.Equal(Enumerable.Range(1, 20).Select(q => q * 10L), balances.Select(b => b.BalanceMinor["USD"]));
    }

    [Fact]
    public async Task A_cluster_silo_with_the_kafka_mock_consumes_published_events_once()
    {
        var clusterId = $"it-{Guid.NewGuid():N}"[..16];
        var environment = new Dictionary<string, string> { ["Actors__Lanes__Kafka__Mock"] = "true" };
        await using var silo = await SiloProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_data, "k")).FullName,
            FreePort.Next(), FreePort.Next(), FreePort.Next(), environment,
            SiloProcess.ClusterProfileArguments(_database.ConnectionString, clusterId));
        Assert.Contains("started a librdkafka MOCK cluster", silo.Output);

        await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
        {
            Profile = ClusterProfile.Cluster,
            PostgresConnectionString = _database.ConnectionString,
            ClusterId = clusterId,
        });
        var at = DateTimeOffset.UtcNow;
        var envelopes = Enumerable.Range(1, 30).Select(seq => new Actors.Contracts.Events.EventEnvelope("kafka", "acc-1", "meter", seq,
            "UsageRecorded", at, $$"""{"meter":"api","quantity":{{seq}},"unitPriceMinor":1,"currency":"USD"}""")).ToList();
        var receipts = await client.Events.PublishBatchAsync([.. envelopes, .. envelopes.Take(10)]);
        Assert.All(receipts, r => Assert.Equal("bulk", r.Lane));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var balance = await client.Billing.GetBalanceAsync("kafka", "acc-1");
        while (balance.EventCount < 30 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            balance = await client.Billing.GetBalanceAsync("kafka", "acc-1");
        }
        Assert.Equal(30, balance.EventCount);
        Assert.Equal(Enumerable.Range(1, 30).Sum(), balance.BalanceMinor["USD"]);
    }
}
