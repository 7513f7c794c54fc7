using Actors.Hosting.Schema;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>
/// A two-silo cluster whose membership, grain state and reminders all live in a fresh PostgreSQL database through
/// Orleans' ADO.NET providers reading our SQL, configured exactly as a `cluster`-profile silo configures them: the
/// Npgsql invariant and a connection string, nothing else. Its client finds the gateways through the same table.
/// </summary>
public sealed class PostgresOrleansClusterFixture : IAsyncLifetime
{
    private FreshPostgresDatabase? _database;
    private InProcessTestCluster? _cluster;

    public FreshPostgresDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _database = await FreshPostgresDatabase.CreateAsync(timeout.Token);
        await OrleansSchemaInstaller.EnsurePostgresAsync(_database.ConnectionString, timeout.Token);

        var connectionString = _database.ConnectionString;
        var builder = new InProcessTestClusterBuilder(2).UseConfiguredMembership();
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansSchemaInstaller.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(StateProbeGrain.StorageName, o =>
            {
                o.Invariant = OrleansSchemaInstaller.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = OrleansSchemaInstaller.PostgresInvariant;
                o.ConnectionString = connectionString;
            });
        });
        builder.ConfigureClient(client => client.UseAdoNetClustering(o =>
        {
            o.Invariant = OrleansSchemaInstaller.PostgresInvariant;
            o.ConnectionString = connectionString;
        }));
        _cluster = builder.Build();
        await _cluster.DeployAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
