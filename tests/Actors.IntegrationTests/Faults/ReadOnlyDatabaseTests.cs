using Actors.Client;
using Actors.Contracts.Errors;
using Actors.IntegrationTests.OrleansSchema;
using Actors.Testing;

namespace Actors.IntegrationTests.Faults;

/// <summary>
/// A database that refuses writes (here: read-only) gives the caller a clear, typed error, never a silent drop: the refused
/// event is not on the ledger, and once the database takes writes again the same event is applied (not a duplicate).
/// </summary>
public sealed class ReadOnlyDatabaseTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("actors-readonly-").FullName;
    private FreshPostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await FreshPostgresDatabase.CreateAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_read_only_database_refuses_with_a_clear_error_and_nothing_is_dropped()
    {
        var clusterId = $"ro-{Guid.NewGuid():N}"[..16];
        await using var silo = await SiloProcess.StartAsync(_data, FreePort.Next(), FreePort.Next(), FreePort.Next(),
            extraArgs: SiloProcess.ClusterProfileArguments(_database.ConnectionString, clusterId));
        await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
        {
            Profile = ClusterProfile.Cluster,
            PostgresConnectionString = _database.ConnectionString,
            ClusterId = clusterId,
        });
        for (var seq = 1; seq <= 5; seq++)
        {
            await client.Billing.RecordUsageAsync("ro", "acc-1", "loadgen", seq, "api", quantity: seq, unitPriceMinor: 1);
        }

        await SetReadOnlyAsync(true);
        var refused = await Assert.ThrowsAsync<StoreRefusedException>(() =>
            client.Billing.RecordUsageAsync("ro", "acc-1", "loadgen", 6, "api", quantity: 6, unitPriceMinor: 1));
        Assert.Contains("read-only", refused.Message);
        Assert.Contains("nothing was written", refused.Message);

        await SetReadOnlyAsync(false);
        var applied = await client.Billing.RecordUsageAsync("ro", "acc-1", "loadgen", 6, "api", quantity: 6, unitPriceMinor: 1);
        Assert.False(applied.Duplicate);
        var ledger = await client.Billing.GetLedgerAsync("ro", "acc-1", fromPosition: 1, max: 100);
        Assert.Equal([1L, 2, 3, 4, 5, 6], ledger.Select(r => r.Seq));
        Assert.Equal(21, (await client.Billing.GetBalanceAsync("ro", "acc-1")).BalanceMinor["USD"]);
    }

    // New sessions read the database default; ending the open ones makes every pooled connection of the silo reconnect
    // under it, as after an operator's switch and restart.
    private async Task SetReadOnlyAsync(bool readOnly)
    {
        await _database.ExecuteOnServerAsync($"ALTER DATABASE {_database.Name} SET default_transaction_read_only = {(readOnly ? "on" : "off")}", CancellationToken.None);
        await _database.ExecuteOnServerAsync(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database.Name}' AND pid <> pg_backend_pid()", CancellationToken.None);
    }
}
