using Microsoft.Extensions.DependencyInjection;
using Orleans.Messaging;
using Orleans.Storage;
using Xunit;

namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>
/// Our PostgreSQL SQL under Orleans' real ADO.NET providers, in a running two-silo cluster: membership, grain state
/// and reminders behave as Orleans expects, not merely execute.
/// </summary>
public sealed class PostgresOrleansProvidersTests(PostgresOrleansClusterFixture fixture) : IClassFixture<PostgresOrleansClusterFixture>
{
    private static CancellationTokenSource Deadline() => new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task Membership_table_lists_both_silos_as_active_and_serves_the_clients_gateways()
    {
        using var deadline = Deadline();
        var silos = fixture.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToHashSet();
        Assert.Equal(2, silos.Count);

        var hosts = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(silos, hosts.Keys.ToHashSet());
        Assert.All(hosts.Values, status => Assert.Equal(SiloStatus.Active, status));

        var clusterId = fixture.Cluster.Options.ClusterId;
        var activeRows = await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM orleans_membership WHERE deployment_id = '{clusterId}' AND status = 3", deadline.Token);
        Assert.Equal(2L, activeRows);
        // Each silo's join (insert, then the move to Active) advanced the table version.
        var version = await fixture.Database.ScalarAsync(
            $"SELECT version FROM orleans_membership_version WHERE deployment_id = '{clusterId}'", deadline.Token);
        Assert.True((int)version! >= 4, $"membership version {version}");

        var gateways = await fixture.Cluster.Client.ServiceProvider.GetRequiredService<IGatewayListProvider>()
            .GetGatewaysAsync(deadline.Token);
        Assert.Equal(2, gateways.Count);
    }

    [Fact]
    public async Task Grain_state_written_by_one_activation_is_read_from_postgres_by_the_next()
    {
        using var deadline = Deadline();
        var token = Guid.NewGuid().ToString("N");
        var grain = fixture.Cluster.Client.GetGrain<IStateProbeGrain>(token);

        await grain.WriteAsync("first", deadline.Token);
        await grain.WriteAsync(token, deadline.Token);
        var written = await grain.ReadAsync(deadline.Token);
        Assert.Equal("2", written.ETag);

        await fixture.Cluster.DeactivateAsync(grain);
        var reloaded = await grain.ReadAsync(deadline.Token);

        Assert.NotEqual(written.ActivationId, reloaded.ActivationId);
        Assert.Equal(token, reloaded.Value);
        Assert.Equal(2, reloaded.Writes);
        Assert.Equal("2", reloaded.ETag);
        Assert.True(reloaded.RecordExists);
        var rows = await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM orleans_storage WHERE service_id = '{fixture.Cluster.Options.ServiceId}' " +
            $"AND version = 2 AND position(convert_to('{token}', 'UTF8') in payload) > 0", deadline.Token);
        Assert.Equal(1L, rows);

        await grain.ClearAsync(deadline.Token);
        await fixture.Cluster.DeactivateAsync(grain);
        var cleared = await grain.ReadAsync(deadline.Token);
        Assert.False(cleared.RecordExists);
        Assert.Equal("", cleared.Value);
        Assert.Equal("3", cleared.ETag);
    }

    [Fact]
    public async Task Stale_write_is_refused() =>
        await GrainStorageContractChecks.StaleWriteIsRefusedAsync(Storage(), CancellationToken.None);

    [Fact]
    public async Task Second_create_of_the_same_grain_is_refused() =>
        await GrainStorageContractChecks.SecondCreateIsRefusedAsync(Storage(), CancellationToken.None);

    [Fact]
    public async Task Racing_writers_have_one_winner() =>
        await GrainStorageContractChecks.RacingWritersHaveOneWinnerAsync(Storage(), CancellationToken.None);

    [Fact]
    public async Task Clear_keeps_the_version_chain() =>
        await GrainStorageContractChecks.ClearKeepsTheVersionChainAsync(Storage(), CancellationToken.None);

    [Fact]
    public async Task Every_key_shape_has_its_own_row() =>
        await GrainStorageContractChecks.EveryKeyShapeHasItsOwnRowAsync(Storage(), CancellationToken.None);

    [Fact]
    public async Task Reminder_rows_round_trip_through_the_reminder_table()
    {
        var table = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var grainId = GrainId.Create("reminder-table-probe", Guid.NewGuid().ToString("N"));
        var startAt = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var entry = new ReminderEntry { GrainId = grainId, ReminderName = "nightly", StartAt = startAt, Period = TimeSpan.FromMinutes(7) };

        var firstETag = await table.UpsertRow(entry);
        Assert.Equal("1", firstETag);

        var row = await table.ReadRow(grainId, "nightly");
        Assert.NotNull(row);
        Assert.Equal(grainId, row.GrainId);
        Assert.Equal(startAt, row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(7), row.Period);
        Assert.Equal("1", row.ETag);
        Assert.Null(await table.ReadRow(grainId, "never-registered"));
        Assert.Single((await table.ReadRows(grainId)).Reminders);

        // Ring ranges are (begin, end]; the ones that wrap past the end of the ring take the provider's other query.
        var hash = grainId.GetUniformHashCode();
        Assert.True(await RangeHoldsAsync(table, unchecked(hash - 1), hash, grainId));
        Assert.False(await RangeHoldsAsync(table, hash, unchecked(hash + 1), grainId));
        Assert.True(await RangeHoldsAsync(table, unchecked(hash + 1), hash, grainId));
        Assert.False(await RangeHoldsAsync(table, hash, unchecked(hash - 1), grainId));

        entry.Period = TimeSpan.FromMinutes(9);
        // Periods beyond int.MaxValue milliseconds travel as bigint.
        var longEntry = new ReminderEntry { GrainId = grainId, ReminderName = "yearly", StartAt = startAt, Period = TimeSpan.FromDays(365) };
        Assert.Equal("2", await table.UpsertRow(entry));
        Assert.Equal("1", await table.UpsertRow(longEntry));
        Assert.Equal(TimeSpan.FromDays(365), (await table.ReadRow(grainId, "yearly"))!.Period);
        Assert.Equal(TimeSpan.FromMinutes(9), (await table.ReadRow(grainId, "nightly"))!.Period);

        Assert.False(await table.RemoveRow(grainId, "nightly", "1"));
        Assert.NotNull(await table.ReadRow(grainId, "nightly"));
        Assert.True(await table.RemoveRow(grainId, "nightly", "2"));
        Assert.Null(await table.ReadRow(grainId, "nightly"));
        Assert.Equal(["yearly"], (await table.ReadRows(grainId)).Reminders.Select(r => r.ReminderName));
    }

    [Fact]
    public async Task Reminder_registered_by_a_grain_is_stored_in_postgres()
    {
        using var deadline = Deadline();
        var grain = fixture.Cluster.Client.GetGrain<IReminderProbeGrain>(Guid.NewGuid().ToString("N"));
        var grainId = grain.GetGrainId();

        await grain.RegisterAsync("far-off", TimeSpan.FromMinutes(10), deadline.Token);

        Assert.Equal(["far-off"], await grain.ListAsync(deadline.Token));
        var stored = await fixture.Database.ScalarAsync(
            $"SELECT period_ms FROM orleans_reminders WHERE grain_id = '{grainId}' AND reminder_name = 'far-off'", deadline.Token);
        Assert.Equal((long)TimeSpan.FromMinutes(10).TotalMilliseconds, stored);

        await grain.UnregisterAsync("far-off", deadline.Token);

        Assert.Empty(await grain.ListAsync(deadline.Token));
        var remaining = await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM orleans_reminders WHERE grain_id = '{grainId}'", deadline.Token);
        Assert.Equal(0L, remaining);
    }

    private IGrainStorage Storage() =>
        fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StateProbeGrain.StorageName);

    private static async Task<bool> RangeHoldsAsync(IReminderTable table, uint begin, uint end, GrainId grainId) =>
        (await table.ReadRows(begin, end)).Reminders.Any(r => r.GrainId == grainId);
}
