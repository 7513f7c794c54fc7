using Actors.Cli.Demo;
using Actors.Client;
using Actors.Tests.Clusters;

namespace Actors.Tests.Lanes;

/// <summary>The telemetry-flood demo's driver: every critical event it publishes is found committed and measured.</summary>
public sealed class LaneFloodTests(LocalClusterFixture fixture) : IClassFixture<LocalClusterFixture>
{
    [Fact]
    public async Task A_short_flood_commits_every_critical_event_and_measures_it()
    {
        var flood = new LaneFlood(ActorsClient.FromClusterClient(fixture.Client), new LaneFloodSettings(CriticalRate: 20, BulkRate: 1000, Accounts: 10));
        var ticks = 0;

        var result = await flood.RunAsync("flood-" + Guid.NewGuid().ToString("N")[..6], flood: true, TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(60), (_, _) => ticks++, CancellationToken.None);

        // Rates are paced by timers that skip ticks on a loaded machine: the counts are bounded above, not guaranteed.
        Assert.InRange(result.Critical.Count, 1, 41);
        Assert.All(result.Critical, c => Assert.True(c.CommittedAt >= c.PublishedAt, $"{c} committed before it was published"));
        Assert.InRange(result.BulkSent, 20, 2_100);
        Assert.InRange(result.BulkCommitted, 1, result.BulkSent);
        Assert.True(ticks >= 1);
        Assert.Equal(result.Critical.Count, result.PerSecond().Sum(s => s.Count));
    }
}
