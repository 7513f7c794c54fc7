using System.Text.Json;
using Actors.Cli;
using Actors.Cli.Demo;
using Xunit.Abstractions;

namespace Actors.Tests.Cli;

/// <summary><c>actors demo telemetry-flood</c> against a running silo: every planted attack is detected while telemetry floods, and both latencies are reported.</summary>
public sealed class TelemetryFloodCliTests(TelemetryFloodSiloFixture fixture, ITestOutputHelper log) : IClassFixture<TelemetryFloodSiloFixture>
{
    private string[] Connection => ["--gateway-port", fixture.GatewayPort.ToString(), "--cluster-id", fixture.ClusterId, "--connect-timeout", "10"];

    [Fact]
    public async Task Every_planted_attack_is_detected_during_the_flood_and_both_latencies_are_reported()
    {
        var tenant = $"flood-{Guid.NewGuid():N}"[..16];

        var run = await CliRun.StartAsync([.. Connection, "--json", "demo", "telemetry-flood", "--tenant", tenant, "--seconds", "4",
            "--bulk-rate", "1000", "--critical-rate", "10", "--accounts", "5", "--principals", "50", "--hosts", "20", "--attacks", "3"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var report = json.RootElement;
        Assert.True(report.GetProperty("allDetected").GetBoolean());
        var attacks = report.GetProperty("attacks").EnumerateArray().ToList();
        Assert.Equal(3, attacks.Count);
        Assert.All(attacks, a => Assert.True(a.GetProperty("detected").GetBoolean() && a.GetProperty("detectionMs").GetDouble() > 0, a.ToString()));
        Assert.True(report.GetProperty("detectionMaxMs").GetDouble() >= report.GetProperty("detectionP50Ms").GetDouble());
        Assert.True(report.GetProperty("criticalEvents").GetInt32() >= 1);
        Assert.True(report.GetProperty("criticalP99Ms").GetDouble() >= report.GetProperty("criticalP50Ms").GetDouble());
        Assert.True(report.GetProperty("telemetrySent").GetInt32() > 3 * TelemetryFlood.FailuresPerAttack);
        // Benign telemetry opens nothing: the tenant's cases are exactly the attackers'.
        var cases = await fixture.Client.Security.ListCasesAsync(tenant, max: 1000);
        Assert.Equal(["attacker-1", "attacker-2", "attacker-3"], cases.Select(c => c.Principal).Order());
    }

    [Fact]
    public async Task The_table_output_shows_each_attack_and_the_detection_and_critical_summaries()
    {
        var tenant = $"flood-{Guid.NewGuid():N}"[..16];

        var run = await CliRun.StartAsync([.. Connection, "demo", "telemetry-flood", "--tenant", tenant, "--seconds", "2",
            "--bulk-rate", "500", "--critical-rate", "5", "--accounts", "2", "--principals", "20", "--hosts", "10", "--attacks", "1"]);
        // The demo's own report, kept in the test log for whoever reads it.
        log.WriteLine(run.Stdout);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("attacker-1", run.Stdout);
        Assert.Contains("detection: 1/1 attack(s) detected", run.Stdout);
        Assert.Contains("critical:", run.Stdout);
        Assert.DoesNotContain("NOT DETECTED", run.Stdout);
    }
}
