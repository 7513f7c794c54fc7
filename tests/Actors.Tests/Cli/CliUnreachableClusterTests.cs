using Actors.Cli;
using Xunit;

namespace Actors.Tests.Cli;

/// <summary>A cluster that cannot be reached gives exit code 3 and a message naming what was tried, within the connect timeout.</summary>
public sealed class CliUnreachableClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Local_gateway_with_nothing_listening_exits_3_within_the_timeout()
    {
        var port = SilentGateway.UnusedPort();

        var run = await CliRun.StartAsync(
            "--gateway-port", port.ToString(), "--connect-timeout", "2",
            "billing", "record", "--tenant", "acme", "--account", "c1", "--source", "s", "--seq", "1", "--meter", "m", "--quantity", "1");

        Assert.True(run.ExitCode == ExitCodes.ClusterUnavailable, run.ToString());
        Assert.Contains($"localhost:{port}", run.Stderr);
        Assert.Contains("local profile", run.Stderr);
        Assert.True(run.Elapsed < Bound, $"took {run.Elapsed}");
    }

    [Fact]
    public async Task Negative_adjustment_parses_and_fails_only_on_the_connection()
    {
        var port = SilentGateway.UnusedPort();

        var run = await CliRun.StartAsync(
            "--gateway-port", port.ToString(), "--connect-timeout", "1",
            "billing", "adjust", "--tenant", "acme", "--account", "c1", "--source", "ops", "--seq", "3", "--amount", "-500", "--reason", "refund");

        Assert.True(run.ExitCode == ExitCodes.ClusterUnavailable, run.ToString());
    }

    [Fact]
    public async Task Json_mode_keeps_stdout_clean_when_the_cluster_is_unreachable()
    {
        var port = SilentGateway.UnusedPort();

        var run = await CliRun.StartAsync(
            "--json", "--gateway-port", port.ToString(), "--connect-timeout", "1", "billing", "balance", "--tenant", "acme", "--account", "c1");

        Assert.True(run.ExitCode == ExitCodes.ClusterUnavailable, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("cluster unreachable", run.Stderr);
    }

    [Fact]
    public async Task Cluster_profile_with_unreachable_membership_database_exits_3()
    {
        var port = SilentGateway.UnusedPort();

        var run = await CliRun.StartAsync(
            "--profile", "cluster", "--postgres", $"Host=127.0.0.1;Port={port};Username=postgres;Password=secret;Database=actors",
            "--connect-timeout", "2", "billing", "ledger", "--tenant", "acme", "--account", "c1");

        Assert.True(run.ExitCode == ExitCodes.ClusterUnavailable, run.ToString());
        Assert.Contains($"Port={port}", run.Stderr);
        Assert.DoesNotContain("secret", run.Stderr);
        Assert.True(run.Elapsed < Bound, $"took {run.Elapsed}");
    }

    [Fact]
    public async Task Retry_storm_against_an_unreachable_cluster_exits_3()
    {
        var port = SilentGateway.UnusedPort();

        var run = await CliRun.StartAsync(
            "--gateway-port", port.ToString(), "--connect-timeout", "1",
            "demo", "retry-storm", "--accounts", "2", "--events", "3", "--duplicates", "2", "--seed", "7");

        Assert.True(run.ExitCode == ExitCodes.ClusterUnavailable, run.ToString());
    }
}
