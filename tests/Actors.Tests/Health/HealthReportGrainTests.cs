using Actors.Client;
using Actors.Contracts.Health;
using Actors.Hosting;
using Actors.Hosting.Health;
using Actors.Tests.Clusters;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Tests.Health;

/// <summary>Every silo of a cluster reports its health to the cluster's grain; a silo that dies drops out of the cluster's report.</summary>
public sealed class HealthReportGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "actors-tests", Guid.NewGuid().ToString("N"));
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var data = _data;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddActors(new ActorsSiloOptions { Profile = ActorsProfile.Local, DataDirectory = data, HostProvidesMembership = true });
            silo.Services.AddSingleton(new HealthOptions { Interval = TimeSpan.FromMilliseconds(250), Window = TimeSpan.FromSeconds(5) });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Each_active_silo_is_in_the_clusters_report_and_a_killed_one_drops_out()
    {
        var client = ActorsClient.FromClusterClient(_cluster.Client);
        var addresses = _cluster.Silos.Select(s => s.SiloAddress.ToString()).Order().ToList();

        var both = await Eventually.Until(() => client.Health.GetStatusAsync(), r => r.Silos.Count == 2, Deadline, "both silos reporting");
        Assert.Equal(addresses, both.Silos.Select(s => s.Silo).Order());
        Assert.All(both.Silos, s => Assert.Equal(HealthIndicatorNames.ErrorRate, s.Indicators[0].Name));

        var victim = _cluster.Silos[^1];
        await _cluster.KillSiloAsync(victim);

        var one = await Eventually.Until(() => client.Health.GetStatusAsync(), r => r.Silos.Count == 1, Deadline, "the killed silo gone from the report");
        Assert.Equal(_cluster.Silos[0].SiloAddress.ToString(), one.Silos.Single().Silo);
    }
}
