using System.Text.Json;
using Actors.Cli;
using Actors.Tests.Cli;

namespace Actors.Tests.Reconciliation;

/// <summary><c>actors reconcile ...</c> against a running silo through its gateway, as an operator would use it.</summary>
public sealed class ReconcileCliTests(ReconciliationClusterFixture fixture) : IClassFixture<ReconciliationClusterFixture>
{
    private string[] Connection => ["--gateway-port", fixture.GatewayPort.ToString(), "--cluster-id", fixture.ClusterId, "--connect-timeout", "10"];

    private Task<CliRun> Actors(params string[] args) => CliRun.StartAsync([.. Connection, .. args]);

    [Fact]
    public async Task Run_exceptions_resolve_and_status_work_a_duplicated_usage_to_its_correction()
    {
        var world = new ReconciliationWorld(fixture.Grains);
        await world.UsageAsync("c1", "api", 10, "meter", 1);
        await world.UsageAsync("c1", "api", 10, "replay", 1);
        await world.ProjectionCaughtUpAsync();
        string[] key = ["--tenant", world.Tenant, "--account", "c1", "--window", "2026-11", "--plan", "standard@1", "--kind", "duplicated-usage"];

        var run = await Actors("--json", "reconcile", "run", "--tenant", world.Tenant, "--window", "2026-11");
        var listed = await Actors("--json", "reconcile", "exceptions", "--tenant", world.Tenant, "--status", "open");
        var resolved = await Actors(["--json", "reconcile", "resolve", .. key, "--actor", "ops", "--reason", "replayed batch"]);
        var again = await Actors(["reconcile", "resolve", .. key, "--actor", "ops", "--reason", "retry"]);
        var refused = await Actors(["reconcile", "ack", .. key, "--reason", "late"]);
        var status = await Actors("reconcile", "status", "--tenant", world.Tenant);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using (var json = JsonDocument.Parse(run.Stdout))
        {
            Assert.Equal("completed", json.RootElement.GetProperty("state").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("accountsChecked").GetInt64());
            Assert.Equal(1, json.RootElement.GetProperty("mismatchesByKind").GetProperty("duplicated-usage").GetInt64());
        }
        Assert.True(listed.ExitCode == ExitCodes.Ok, listed.ToString());
        using (var json = JsonDocument.Parse(listed.Stdout))
        {
            var only = Assert.Single(json.RootElement.EnumerateArray().ToList());
            Assert.Equal("duplicated-usage", only.GetProperty("mismatch").GetProperty("key").GetProperty("kind").GetString());
            Assert.Equal(-20, only.GetProperty("mismatch").GetProperty("correctionMinor").GetInt64());
        }
        Assert.True(resolved.ExitCode == ExitCodes.Ok, resolved.ToString());
        using (var json = JsonDocument.Parse(resolved.Stdout))
        {
            Assert.Equal("resolved", json.RootElement.GetProperty("status").GetString());
            Assert.Equal(2, json.RootElement.GetProperty("adjustment").GetProperty("seq").GetInt64());
        }
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains("resolved", refused.Stderr);
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains("duplicated-usage", status.Stdout);
        var ledger = await world.Account("c1").GetLedger(1, 10);
        Assert.Single(ledger, r => r.Type == "AdjustmentPosted");
    }

    [Theory]
    [InlineData("reconcile", "run", "--tenant", "t1", "--window", "2026-13")]
    [InlineData("reconcile", "exceptions", "--tenant", "t1", "--kind", "typo")]
    [InlineData("reconcile", "exceptions", "--tenant", "t1", "--status", "closed")]
    [InlineData("reconcile", "dismiss", "--tenant", "t1", "--account", "c1", "--window", "2026-11", "--plan", "standard", "--kind", "late-arrival", "--reason", "x")]
    [InlineData("reconcile", "resolve", "--tenant", "t1", "--account", "c1", "--window", "2026-11", "--plan", "standard@1", "--kind", "late-arrival")]
    public async Task Bad_arguments_exit_2_before_anything_is_sent(params string[] args)
    {
        // No cluster options: an argument error must be reported before any connection attempt.
        var run = await CliRun.StartAsync(args);

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
    }

    [Fact]
    public async Task An_unknown_exception_exits_5()
    {
        var run = await Actors("reconcile", "dismiss", "--tenant", "nobody", "--account", "c1", "--window", "2026-11", "--plan", "standard@1",
            "--kind", "late-arrival", "--reason", "cleanup");

        Assert.True(run.ExitCode == ExitCodes.NotFound, run.ToString());
    }
}
