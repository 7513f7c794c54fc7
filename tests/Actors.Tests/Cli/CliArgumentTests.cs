using Actors.Cli;
using Xunit;

namespace Actors.Tests.Cli;

/// <summary>Bad arguments and invalid input exit with 2, say what is wrong on stderr, and never reach the cluster.</summary>
public sealed class CliArgumentTests
{
    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        var run = await CliRun.StartAsync();

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--help", run.Stderr);
    }

    [Fact]
    public async Task Missing_required_options_are_named()
    {
        var run = await CliRun.StartAsync("billing", "record", "--tenant", "acme", "--account", "c1");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--seq", run.Stderr);
        Assert.Contains("--meter", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Non_numeric_seq_is_a_usage_error()
    {
        var run = await CliRun.StartAsync(
            "billing", "record", "--tenant", "acme", "--account", "c1", "--source", "s", "--seq", "seven", "--meter", "m", "--quantity", "1");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("seven", run.Stderr);
    }

    [Theory]
    [InlineData("seq must be 1 or greater", "--tenant", "acme", "--account", "c1", "--source", "s", "--seq", "0", "--meter", "m", "--quantity", "1")]
    [InlineData("quantity must be greater than 0", "--tenant", "acme", "--account", "c1", "--source", "s", "--seq", "1", "--meter", "m", "--quantity", "-3")]
    [InlineData("unitPriceMinor must not be negative", "--tenant", "acme", "--account", "c1", "--source", "s", "--seq", "1", "--meter", "m", "--quantity", "1", "--unit-price", "-1")]
    [InlineData("currency 'usd'", "--tenant", "acme", "--account", "c1", "--source", "s", "--seq", "1", "--meter", "m", "--quantity", "1", "--currency", "usd")]
    [InlineData("tenant 'ac/me'", "--tenant", "ac/me", "--account", "c1", "--source", "s", "--seq", "1", "--meter", "m", "--quantity", "1")]
    public async Task Invalid_usage_is_rejected_before_anything_is_sent(string expectedMessage, params string[] recordArgs)
    {
        using var gateway = new SilentGateway();

        var run = await CliRun.StartAsync(["--gateway-port", gateway.Port.ToString(), "billing", "record", .. recordArgs]);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(expectedMessage, run.Stderr);
        Assert.False(gateway.WasContacted, "the CLI connected although the input was invalid");
    }

    [Theory]
    [InlineData("credit", "0")]
    [InlineData("payment", "-5")]
    [InlineData("adjust", "0")]
    public async Task Invalid_amounts_are_rejected_before_anything_is_sent(string command, string amount)
    {
        using var gateway = new SilentGateway();

        var run = await CliRun.StartAsync(
            "--gateway-port", gateway.Port.ToString(),
            "billing", command, "--tenant", "acme", "--account", "c1", "--source", "s", "--seq", "1", "--amount", amount);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("amountMinor", run.Stderr);
        Assert.False(gateway.WasContacted, "the CLI connected although the input was invalid");
    }

    [Fact]
    public async Task Unknown_profile_is_a_usage_error()
    {
        var run = await CliRun.StartAsync("--profile", "cloud", "billing", "balance", "--tenant", "acme", "--account", "c1");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("cloud", run.Stderr);
    }

    [Fact]
    public async Task Cluster_profile_without_a_connection_string_says_how_to_give_one()
    {
        var run = await CliRun.StartAsync("--profile", "cluster", "billing", "balance", "--tenant", "acme", "--account", "c1");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--postgres", run.Stderr);
        Assert.Contains("ACTORS_POSTGRES", run.Stderr);
    }

    [Fact]
    public async Task Malformed_connection_string_is_a_usage_error()
    {
        var run = await CliRun.StartAsync(
            "--profile", "cluster", "--postgres", "not a connection string", "billing", "balance", "--tenant", "acme", "--account", "c1");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("malformed", run.Stderr);
    }

    [Theory]
    [InlineData("--gateway-port", "70000")]
    [InlineData("--connect-timeout", "0")]
    public async Task Out_of_range_global_options_are_usage_errors(string option, string value)
    {
        var run = await CliRun.StartAsync(option, value, "billing", "balance", "--tenant", "acme", "--account", "c1");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains(option, run.Stderr);
    }

    [Fact]
    public async Task Ledger_page_size_must_be_positive()
    {
        var run = await CliRun.StartAsync("billing", "ledger", "--tenant", "acme", "--account", "c1", "--max", "0");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--max", run.Stderr);
    }

    [Fact]
    public async Task Retry_storm_rejects_zero_duplicates()
    {
        var run = await CliRun.StartAsync("demo", "retry-storm", "--duplicates", "0");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--duplicates", run.Stderr);
    }

    [Fact]
    public async Task Retry_storm_refuses_a_plan_too_large_to_hold()
    {
        using var gateway = new SilentGateway();

        var run = await CliRun.StartAsync(
            "--gateway-port", gateway.Port.ToString(),
            "demo", "retry-storm", "--accounts", "100000", "--events", "1000", "--duplicates", "5");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("sends", run.Stderr);
        Assert.False(gateway.WasContacted);
    }
}
