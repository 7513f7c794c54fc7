using Actors.Contracts.Events;
using System.Text.Json;
using Actors.Cli;
using Actors.Client.Events;

namespace Actors.Tests.Cli.Events;

/// <summary>
/// <c>actors events publish</c> validates the whole file before it connects: a bad line exits 2 and nothing is sent;
/// a valid file against an unreachable cluster exits 3.
/// </summary>
public sealed class EventsPublishCommandTests
{
    private static string[] GoodLines(int count) => Envelopes.Many(count).Select(EventEnvelopeJson.Serialize).ToArray();

    [Fact]
    public async Task A_bad_line_anywhere_exits_2_names_the_line_and_connects_to_nothing()
    {
        var lines = GoodLines(5);
        lines[3] = lines[3].Replace("\"seq\":4", "\"seq\":0", StringComparison.Ordinal);
        using var file = new TempFile(lines);
        using var gateway = new SilentGateway();

        var run = await CliRun.StartAsync("--gateway-port", gateway.Port.ToString(), "events", "publish", "--file", file.Path);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("line 4: seq must be a positive integer (was 0).", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(gateway.WasContacted, "the CLI connected although the file was invalid");
    }

    [Fact]
    public async Task A_missing_file_exits_2_and_connects_to_nothing()
    {
        using var gateway = new SilentGateway();
        var missing = Path.Combine(Path.GetTempPath(), $"actors-missing-{Guid.NewGuid():N}.jsonl");

        var run = await CliRun.StartAsync("--gateway-port", gateway.Port.ToString(), "events", "publish", "--file", missing);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("does not exist", run.Stderr);
        Assert.False(gateway.WasContacted, "the CLI connected although the file was missing");
    }

    [Fact]
    public async Task An_empty_file_publishes_nothing_and_connects_to_nothing()
    {
        using var file = new TempFile("", "  ");
        using var gateway = new SilentGateway();

        var run = await CliRun.StartAsync("--json", "--gateway-port", gateway.Port.ToString(), "events", "publish", "--file", file.Path);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var summary = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, summary.RootElement.GetProperty("events").GetInt32());
        Assert.False(gateway.WasContacted, "the CLI connected although there was nothing to publish");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    public async Task A_batch_size_outside_1_to_500_is_a_usage_error(string batch)
    {
        using var file = new TempFile(GoodLines(1));

        var run = await CliRun.StartAsync("events", "publish", "--file", file.Path, "--batch", batch);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--batch must be between 1 and 500", run.Stderr);
    }

    [Fact]
    public async Task A_valid_file_against_an_unreachable_cluster_exits_3_and_keeps_stdout_clean()
    {
        using var file = new TempFile(GoodLines(3));
        var port = SilentGateway.UnusedPort();

        var run = await CliRun.StartAsync(
            "--json", "--gateway-port", port.ToString(), "--connect-timeout", "1", "events", "publish", "--file", file.Path);

        Assert.True(run.ExitCode == ExitCodes.ClusterUnavailable, run.ToString());
        Assert.Contains($"localhost:{port}", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
