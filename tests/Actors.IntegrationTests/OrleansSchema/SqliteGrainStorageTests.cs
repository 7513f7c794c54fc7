using Actors.Hosting.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>
/// The `local` profile's grain storage: Orleans' ADO.NET provider with the System.Data.SQLite invariant (served by
/// Microsoft.Data.Sqlite) on a SQLite file prepared by our installer, in a single-silo cluster that is stopped and
/// started again to prove the state is on disk.
/// </summary>
public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"actors-orleans-sqlite-{Guid.NewGuid():N}");
    private readonly string _serviceId = $"sqlite-{Guid.NewGuid():N}";
    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(90));

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "orleans.db")}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        // Twice, as every silo start does on an existing file.
        await OrleansSchemaInstaller.EnsureSqliteStorageAsync(ConnectionString, _deadline.Token);
        await OrleansSchemaInstaller.EnsureSqliteStorageAsync(ConnectionString, _deadline.Token);
    }

    public Task DisposeAsync()
    {
        _deadline.Dispose();
        // Orleans' connections are pooled per connection string and would keep the deleted file open.
        using (var pooled = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task State_survives_deactivation_and_a_whole_cluster_restart()
    {
        var key = Guid.NewGuid().ToString("N");
        ProbeReading written;
        await using (var cluster = await StartClusterAsync())
        {
            var grain = cluster.Client.GetGrain<IStateProbeGrain>(key);
            await grain.WriteAsync("one", _deadline.Token);
            await grain.WriteAsync("two", _deadline.Token);
            written = await grain.ReadAsync(_deadline.Token);

            await cluster.DeactivateAsync(grain);
            var reloaded = await grain.ReadAsync(_deadline.Token);

            Assert.NotEqual(written.ActivationId, reloaded.ActivationId);
            Assert.Equal(("two", 2, "2", true), (reloaded.Value, reloaded.Writes, reloaded.ETag, reloaded.RecordExists));
        }

        // A rerun of the installer on the now populated file, as the next silo start would do.
        await OrleansSchemaInstaller.EnsureSqliteStorageAsync(ConnectionString, _deadline.Token);

        await using (var restarted = await StartClusterAsync())
        {
            var grain = restarted.Client.GetGrain<IStateProbeGrain>(key);
            var afterRestart = await grain.ReadAsync(_deadline.Token);
            Assert.Equal(("two", 2, "2", true), (afterRestart.Value, afterRestart.Writes, afterRestart.ETag, afterRestart.RecordExists));

            await grain.WriteAsync("three", _deadline.Token);
            Assert.Equal("3", (await grain.ReadAsync(_deadline.Token)).ETag);
        }
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM orleans_storage WHERE version = 3"));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task The_version_contract_holds_on_sqlite()
    {
        await using var cluster = await StartClusterAsync();
        var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StateProbeGrain.StorageName);

        await GrainStorageContractChecks.StaleWriteIsRefusedAsync(storage, _deadline.Token);
        await GrainStorageContractChecks.SecondCreateIsRefusedAsync(storage, _deadline.Token);
        await GrainStorageContractChecks.RacingWritersHaveOneWinnerAsync(storage, _deadline.Token);
        await GrainStorageContractChecks.ClearKeepsTheVersionChainAsync(storage, _deadline.Token);
        await GrainStorageContractChecks.EveryKeyShapeHasItsOwnRowAsync(storage, _deadline.Token);
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = _serviceId;
        builder.Options.ConfigureFileLogging = false;
        var connectionString = ConnectionString;
        builder.ConfigureSilo((_, silo) => silo.AddAdoNetGrainStorage(StateProbeGrain.StorageName, o =>
        {
            o.Invariant = OrleansSchemaInstaller.SqliteInvariant;
            o.ConnectionString = connectionString;
        }));
        var cluster = builder.Build();
        await cluster.DeployAsync(_deadline.Token);
        return cluster;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(_deadline.Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(_deadline.Token);
    }
}
