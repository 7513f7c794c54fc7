using Actors.Cli;
using Actors.Tests.Cli;

namespace Actors.Tests.Projections;

/// <summary><c>actors projections</c> rejects bad input with exit code 2 before it connects.</summary>
public sealed class ProjectionsCliArgumentTests
{
    [Fact]
    public async Task Rebuilding_an_unknown_projection_exits_2_names_the_projections_and_connects_to_nothing()
    {
        using var gateway = new SilentGateway();

        var run = await CliRun.StartAsync("--gateway-port", gateway.Port.ToString(), "projections", "rebuild", "balance");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("projection 'balance' does not exist; projections are: balances.", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(gateway.WasContacted, "the CLI connected although the projection name was wrong");
    }

    [Fact]
    public async Task Rebuild_without_a_projection_name_is_a_usage_error()
    {
        var run = await CliRun.StartAsync("projections", "rebuild");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("projection", run.Stderr);
    }
}
