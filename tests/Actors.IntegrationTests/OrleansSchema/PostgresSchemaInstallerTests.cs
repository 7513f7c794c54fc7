using Actors.Hosting.Schema;
using Xunit;

namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>The PostgreSQL installer runs on every silo start, possibly several silos at once, and upgrades queries.</summary>
public sealed class PostgresSchemaInstallerTests : IAsyncLifetime
{
    // Every key Orleans 10.4.2's clustering, persistence and reminder providers look up.
    private static readonly string[] RequiredQueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(60));
    private FreshPostgresDatabase? _database;

    private FreshPostgresDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _database = await FreshPostgresDatabase.CreateAsync(_deadline.Token);

    public async Task DisposeAsync()
    {
        _deadline.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Concurrent_installs_on_an_empty_database_all_succeed_and_install_every_query()
    {
        // Silos of a new cluster start together: without serialisation their CREATE ... IF NOT EXISTS would collide.
        var installs = Enumerable.Range(0, 6)
            .Select(_ => Task.Run(() => OrleansSchemaInstaller.EnsurePostgresAsync(Database.ConnectionString, _deadline.Token)));
        await Task.WhenAll(installs);

        var installed = await Database.ScalarAsync("SELECT string_agg(QueryKey, ',' ORDER BY QueryKey) FROM OrleansQuery", _deadline.Token);
        Assert.Equal(RequiredQueryKeys.Order(StringComparer.Ordinal), ((string)installed!).Split(','));
    }

    [Fact]
    public async Task Reinstalling_keeps_data_and_replaces_outdated_query_text()
    {
        await OrleansSchemaInstaller.EnsurePostgresAsync(Database.ConnectionString, _deadline.Token);
        await Database.ScalarAsync(
            "INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version) " +
            "VALUES ('svc', 'grain', 'kept', now(), 60000, 1, 1)", _deadline.Token);
        await Database.ScalarAsync("UPDATE OrleansQuery SET QueryText = 'outdated' WHERE QueryKey = 'WriteToStorageKey'", _deadline.Token);

        await OrleansSchemaInstaller.EnsurePostgresAsync(Database.ConnectionString, _deadline.Token);

        var writeQuery = (string)(await Database.ScalarAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'", _deadline.Token))!;
        Assert.Contains("NewGrainStateVersion", writeQuery);
        Assert.Equal(1L, await Database.ScalarAsync("SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'kept'", _deadline.Token));
        Assert.Equal((long)RequiredQueryKeys.Length, await Database.ScalarAsync("SELECT count(*) FROM OrleansQuery", _deadline.Token));
    }
}
