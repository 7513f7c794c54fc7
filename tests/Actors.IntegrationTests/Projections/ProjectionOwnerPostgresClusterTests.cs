using Actors.Client;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Projections;
using Actors.Hosting;
using Actors.IntegrationTests.OrleansSchema;
using Orleans.TestingHost;

namespace Actors.IntegrationTests.Projections;

/// <summary>
/// The projection's owner in the cluster profile (two silos, PostgreSQL for membership, ledger, projections and
/// reminders): it starts with the silos, registers its keep-alive reminder, follows the ledger, and when the silo holding
/// it leaves, the next call brings it back on the other silo, where it resumes from the checkpoint.
/// </summary>
public sealed class ProjectionOwnerPostgresClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    private FreshPostgresDatabase _database = null!;
    private InProcessTestCluster _cluster = null!;
    private ActorsClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await FreshPostgresDatabase.CreateAsync(CancellationToken.None);
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        var postgres = _database.ConnectionString;
        builder.ConfigureSilo((_, silo) => silo.AddActors(new ActorsSiloOptions
        {
            Profile = ActorsProfile.Cluster,
            PostgresConnectionString = postgres,
            HostProvidesMembership = true,
            Projections = { TailPeriod = TimeSpan.FromMilliseconds(50) },
        }));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _client = ActorsClient.FromClusterClient(_cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_owner_keeps_the_projection_with_the_ledger_and_comes_back_on_another_silo_when_its_silo_leaves()
    {
        var reminders = await _database.ScalarAsync(
            "SELECT count(*) FROM orleans_reminders WHERE reminder_name = 'keep-owner-alive' AND grain_id LIKE '%balances%'", CancellationToken.None);
        Assert.Equal(1L, reminders);

        var last = await RecordAsync(from: 1, to: 12);
        var before = await CaughtUpAsync(last);
        await AssertBalancesEqualAsync();
        var owner = Assert.Single(_cluster.Silos, s => s.SiloAddress.ToString() == before.Owner);

        await _cluster.StopSiloAsync(owner);
        last = await RecordAsync(from: 13, to: 24);
        var after = await CaughtUpAsync(last);

        Assert.NotEqual(before.Owner, after.Owner);
        Assert.Equal(before.Version, after.Version);
        await AssertBalancesEqualAsync();
    }

    private static readonly string[] Accounts = ["k1", "k2", "k3"];

    private const string Tenant = "pgowner";

    private IAccountGrain Account(string account) => _cluster.Client.GetGrain<IAccountGrain>(EntityKey.Format(Tenant, account));

    private async Task<long> RecordAsync(int from, int to)
    {
        long last = 0;
        for (var seq = from; seq <= to; seq++)
        {
            foreach (var account in Accounts)
            {
                BillingEvent e = seq % 3 == 0
                    ? new PaymentReceived { Source = "bank", Seq = seq, OccurredAt = DateTimeOffset.UnixEpoch.AddDays(20_000 + seq * 4), Currency = "USD", AmountMinor = 25 }
                    : new UsageRecorded { Source = "meter", Seq = seq, OccurredAt = DateTimeOffset.UnixEpoch.AddDays(20_000 + seq * 4), Currency = "USD", Meter = "api", Quantity = seq, UnitPriceMinor = 3 };
                last = Math.Max(last, (await RetryingAsync(() => Account(account).Record(e))).GlobalPosition);
            }
        }
        return last;
    }

    // Calls that were in flight to the silo that left fail once; the client's next attempt reaches the other silo.
    private static async Task<T> RetryingAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception transient) when (transient is OrleansException or TimeoutException && DateTime.UtcNow < deadline)
            {
                Console.Error.WriteLine($"retrying after {transient.GetType().Name}: {transient.Message}");
            }
        }
    }

    private async Task<ProjectionStatus> CaughtUpAsync(long globalPosition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var status = await RetryingAsync(() => _client.Projections.GetStatusAsync(ProjectionNames.Balances));
        while (!(status.Checkpoint >= globalPosition && status.Lag == 0 && !status.RebuildInProgress))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the projection did not reach position {globalPosition}: {status}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
            status = await RetryingAsync(() => _client.Projections.GetStatusAsync(ProjectionNames.Balances));
        }
        return status;
    }

    private async Task AssertBalancesEqualAsync()
    {
        foreach (var account in Accounts)
        {
            var truth = await RetryingAsync(() => Account(account).GetBalance());
            var projected = await RetryingAsync(() => _client.Projections.GetBalanceAsync(Tenant, account));
            Assert.NotNull(projected);
            Assert.Equal(truth.BalanceMinor.OrderBy(p => p.Key), projected.BalanceMinor.OrderBy(p => p.Key));
            Assert.Equal((truth.EventCount, truth.LedgerPosition), (projected.EventCount, projected.LastPosition));
            Assert.Equal(truth.UsageByMeter["api"], projected.Usage.Where(u => u.Meter == "api").Sum(u => u.Quantity));
        }
    }
}
