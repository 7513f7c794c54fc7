using System.Net;
using Actors.Hosting.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Xunit;

namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>
/// Every membership query, driven through Orleans' own <see cref="AdoNetClusteringTable"/> and
/// <see cref="AdoNetGatewayListProvider"/> on our SQL, including the conflict and clean-up paths a healthy two-silo
/// cluster never takes.
/// </summary>
public sealed class PostgresClusteringTableTests : IAsyncLifetime
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(60));
    private readonly string _clusterId = $"membership-{Guid.NewGuid():N}";
    private FreshPostgresDatabase? _database;

    private FreshPostgresDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    private CancellationToken Token => _deadline.Token;

    public async Task InitializeAsync()
    {
        _database = await FreshPostgresDatabase.CreateAsync(Token);
        await OrleansSchemaInstaller.EnsurePostgresAsync(_database.ConnectionString, Token);
    }

    public async Task DisposeAsync()
    {
        _deadline.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_new_cluster_starts_empty_at_version_zero_and_only_one_silo_creates_it()
    {
        var first = await OpenTableAsync();
        var second = await OpenTableAsync();

        var data = await first.ReadAllAsync(Token);
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        var versionRows = await Database.ScalarAsync(
            $"SELECT count(*) FROM orleans_membership_version WHERE deployment_id = '{_clusterId}'", Token);
        Assert.Equal(1L, versionRows);
        Assert.Empty((await second.ReadAllAsync(Token)).Members);
    }

    [Fact]
    public async Task Insert_succeeds_once_per_version_and_advances_it()
    {
        var table = await OpenTableAsync();
        var silo = Entry(port: 11111, SiloStatus.Joining);
        var empty = await table.ReadAllAsync(Token);

        Assert.True(await table.InsertRowAsync(silo, empty.Version.Next(), Token));
        // The same expected version again: another silo already moved the table on.
        Assert.False(await table.InsertRowAsync(Entry(port: 11112, SiloStatus.Joining), empty.Version.Next(), Token));

        var afterInsert = await table.ReadAllAsync(Token);
        Assert.Equal(1, afterInsert.Version.Version);
        var (stored, _) = Assert.Single(afterInsert.Members);
        Assert.Equal(silo.SiloAddress, stored.SiloAddress);
        Assert.Equal(silo.SiloName, stored.SiloName);
        Assert.Equal(silo.HostName, stored.HostName);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal(silo.ProxyPort, stored.ProxyPort);
        Assert.Equal(silo.StartTime, stored.StartTime);
        Assert.Equal(silo.IAmAliveTime, stored.IAmAliveTime);

        // The same silo twice, even at the current version, is refused and leaves the version alone.
        Assert.False(await table.InsertRowAsync(silo, afterInsert.Version.Next(), Token));
        Assert.Equal(1, (await table.ReadAllAsync(Token)).Version.Version);
    }

    [Fact]
    public async Task Silos_racing_on_one_version_produce_one_change()
    {
        const int silos = 8;
        var table = await OpenTableAsync();
        var version = (await table.ReadAllAsync(Token)).Version;

        var inserts = await RaceAsync(silos, port => table.InsertRowAsync(Entry(port, SiloStatus.Joining), version.Next(), Token));

        Assert.Equal(1, inserts.Count(won => won));
        var afterInserts = await table.ReadAllAsync(Token);
        Assert.Equal(1, afterInserts.Version.Version);
        var (joined, etag) = Assert.Single(afterInserts.Members);

        var updates = await RaceAsync(silos, port =>
        {
            var change = Entry(joined.SiloAddress.Endpoint.Port, port % 2 == 0 ? SiloStatus.Active : SiloStatus.ShuttingDown);
            return table.UpdateRowAsync(change, etag, afterInserts.Version.Next(), Token);
        });

        Assert.Equal(1, updates.Count(won => won));
        Assert.Equal(2, (await table.ReadAllAsync(Token)).Version.Version);
    }

    [Fact]
    public async Task Update_needs_the_current_version_and_carries_suspicions()
    {
        var table = await OpenTableAsync();
        var silo = Entry(port: 11111, SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync(Token)).Version.Next(), Token));
        var read = await table.ReadRowAsync(silo.SiloAddress, Token);
        var (entry, etag) = Assert.Single(read.Members);

        var suspecter = SiloAddress.New(IPAddress.Loopback, 22222, 7);
        entry.Status = SiloStatus.Active;
        entry.AddOrUpdateSuspector(suspecter, LongAgo.AddMinutes(1), 10);
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next(), Token));
        // A writer that read before that update holds an old version and must lose.
        entry.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(entry, etag, read.Version.Next(), Token));

        var reread = await table.ReadRowAsync(silo.SiloAddress, Token);
        Assert.Equal(2, reread.Version.Version);
        var (updated, _) = Assert.Single(reread.Members);
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.NotNull(updated.SuspectTimes);
        var (suspectedBy, when) = Assert.Single(updated.SuspectTimes);
        Assert.Equal(suspecter, suspectedBy);
        Assert.Equal(LongAgo.AddMinutes(1), when);
    }

    [Fact]
    public async Task Heartbeat_moves_only_the_alive_time_and_unknown_silos_read_as_no_member()
    {
        var table = await OpenTableAsync();
        var silo = Entry(port: 11111, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync(Token)).Version.Next(), Token));
        var alive = new DateTime(2031, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);

        silo.IAmAliveTime = alive;
        await table.UpdateIAmAliveAsync(silo, Token);

        var read = await table.ReadRowAsync(silo.SiloAddress, Token);
        Assert.Equal(1, read.Version.Version);
        Assert.Equal(alive, Assert.Single(read.Members).Item1.IAmAliveTime);
        var unknown = await table.ReadRowAsync(SiloAddress.New(IPAddress.Loopback, 1, 1), Token);
        Assert.Empty(unknown.Members);
        Assert.Equal(1, unknown.Version.Version);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clean_up_removes_only_dead_silos_not_heard_from_since_the_cutoff(bool withSingleRowQuery)
    {
        if (!withSingleRowQuery)
        {
            // Orleans falls back to the cluster-wide clean-up query when the single-row one is not installed.
            await Database.ScalarAsync("DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'", Token);
        }
        var table = await OpenTableAsync();
        var deadAndOld = Entry(port: 1001, SiloStatus.Dead, heardFrom: LongAgo);
        deadAndOld.AddOrUpdateSuspector(SiloAddress.New(IPAddress.Loopback, 2002, 3), LongAgo, 10);
        var deadButRecent = Entry(port: 1002, SiloStatus.Dead, heardFrom: DateTime.UtcNow);
        var activeAndOld = Entry(port: 1003, SiloStatus.Active, heardFrom: LongAgo);
        foreach (var silo in new[] { deadAndOld, deadButRecent, activeAndOld })
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync(Token)).Version.Next(), Token));
        }

        await table.CleanupDefunctSiloEntriesAsync(LongAgo.AddDays(1), Token);

        var remaining = (await table.ReadAllAsync(Token)).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(new[] { deadButRecent.SiloAddress, activeAndOld.SiloAddress }.ToHashSet(), remaining);
    }

    [Fact]
    public async Task Deleting_the_cluster_removes_its_silos_and_version()
    {
        var table = await OpenTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(port: 1001, SiloStatus.Active), (await table.ReadAllAsync(Token)).Version.Next(), Token));

        await table.DeleteMembershipTableEntriesAsync(_clusterId, Token);

        var rows = await Database.ScalarAsync(
            $"SELECT (SELECT count(*) FROM orleans_membership WHERE deployment_id = '{_clusterId}') + " +
            $"(SELECT count(*) FROM orleans_membership_version WHERE deployment_id = '{_clusterId}')", Token);
        Assert.Equal(0L, rows);
        var recreated = await OpenTableAsync();
        var data = await recreated.ReadAllAsync(Token);
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task Clients_are_given_the_gateways_of_active_silos_only()
    {
        var table = await OpenTableAsync();
        var active = Entry(port: 1001, SiloStatus.Active, proxyPort: 31001);
        var joining = Entry(port: 1002, SiloStatus.Joining, proxyPort: 31002);
        var activeWithoutGateway = Entry(port: 1003, SiloStatus.Active, proxyPort: 0);
        foreach (var silo in new[] { active, joining, activeWithoutGateway })
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync(Token)).Version.Next(), Token));
        }
        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions
            {
                Invariant = OrleansSchemaInstaller.PostgresInvariant,
                ConnectionString = Database.ConnectionString,
            }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = "membership-tests" }));
        await gateways.InitializeGatewayListProviderAsync(Token);

        var uris = await gateways.GetGatewaysAsync(Token);

        var gateway = Assert.Single(uris);
        Assert.Equal(SiloAddress.New(IPAddress.Loopback, 31001, active.SiloAddress.Generation).ToGatewayUri(), gateway);
    }

    private static async Task<bool[]> RaceAsync(int contenders, Func<int, Task<bool>> attempt)
    {
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, contenders)
            .Select(i => Task.Run(() =>
            {
                start.Wait();
                return attempt(20_000 + i);
            }))
            .ToArray();
        start.Set();
        return await Task.WhenAll(attempts);
    }

    private async Task<AdoNetClusteringTable> OpenTableAsync()
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = _clusterId, ServiceId = "membership-tests" }),
            Options.Create(new AdoNetClusteringSiloOptions
            {
                Invariant = OrleansSchemaInstaller.PostgresInvariant,
                ConnectionString = Database.ConnectionString,
            }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Token);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime? heardFrom = null, int proxyPort = 30000)
    {
        // PostgreSQL keeps microseconds; whole milliseconds make the round trip exact.
        var start = heardFrom ?? new DateTime(2030, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc);
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 42),
            SiloName = $"silo-{port}",
            HostName = "test-host",
            Status = status,
            ProxyPort = proxyPort,
            StartTime = start,
            IAmAliveTime = start,
        };
    }
}
