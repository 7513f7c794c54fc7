using System.Diagnostics;
using Actors.Client;
using Xunit;

namespace Actors.Tests.Cli;

/// <summary>Connecting to a cluster that is not there fails with a typed error within the connect timeout, never hangs.</summary>
public sealed class ActorsClientConnectTests
{
    [Fact]
    public async Task Unreachable_local_gateway_fails_within_the_connect_timeout()
    {
        var port = SilentGateway.UnusedPort();
        var options = new ActorsClientOptions { GatewayPort = port, ConnectTimeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ActorsClient.ConnectAsync(options, CancellationToken.None));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), $"took {watch.Elapsed}");
        Assert.Equal(ClusterProfile.Local, error.Profile);
        Assert.Contains($"localhost:{port}", error.Target);
        Assert.Contains("local profile", error.Message);
    }

    [Fact]
    public async Task Cluster_profile_needs_a_connection_string()
    {
        var options = new ActorsClientOptions { Profile = ClusterProfile.Cluster, PostgresConnectionString = null };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ActorsClient.ConnectAsync(options, CancellationToken.None));

        Assert.Contains(ActorsClientOptions.PostgresEnvironmentVariable, error.Message);
    }

    [Fact]
    public void Cluster_id_defaults_follow_the_profile()
    {
        Assert.Equal("actors-local", new ActorsClientOptions { Profile = ClusterProfile.Local }.EffectiveClusterId);
        Assert.Equal("actors", new ActorsClientOptions { Profile = ClusterProfile.Cluster }.EffectiveClusterId);
        Assert.Equal("mine", new ActorsClientOptions { ClusterId = "mine" }.EffectiveClusterId);
    }
}
