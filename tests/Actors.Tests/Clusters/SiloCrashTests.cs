using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Tests.Billing;

namespace Actors.Tests.Clusters;

/// <summary>A silo dies without deactivating its grains; their accounts re-activate elsewhere from the ledger.</summary>
public sealed class SiloCrashTests : IAsyncLifetime
{
    private readonly LocalClusterFixture _fixture = new(silos: 2, snapshotEvery: 1000);

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Acknowledged_events_survive_a_silo_kill_and_repeats_are_answered_as_duplicates()
    {
        var accounts = Enumerable.Range(0, 16).Select(i => EntityKey.Format("crash", $"acc-{i}")).ToList();
        foreach (var key in accounts)
        {
            for (var seq = 1; seq <= 5; seq++)
            {
                await _fixture.Client.GetGrain<IAccountGrain>(key).Record(Events.Usage("m", seq, quantity: seq, unitPrice: 3));
            }
        }

        var victim = _fixture.Cluster.Silos.Last();
        await _fixture.Cluster.KillSiloAsync(victim);

        foreach (var key in accounts)
        {
            var account = _fixture.Client.GetGrain<IAccountGrain>(key);
            var balance = await account.GetBalance();
            Assert.Equal(3 * (1 + 2 + 3 + 4 + 5), balance.BalanceMinor["USD"]);
            Assert.Equal(5, balance.EventCount);
            var repeat = await account.Record(Events.Usage("m", 3, quantity: 3, unitPrice: 3));
            Assert.True(repeat.Duplicate);
            Assert.Equal(3, repeat.LedgerPosition);
        }
    }
}
