using System.Text.Json;
using Actors.Cli;

namespace Actors.Tests.Cli;

/// <summary><c>actors security ...</c> against a running silo through its gateway, as an analyst or a SOAR script would use it.</summary>
public sealed class SecurityCliTests(SecuritySiloFixture fixture) : IClassFixture<SecuritySiloFixture>
{
    private readonly string _tenant = $"sec-{Guid.NewGuid():N}"[..16];

    private string[] Connection => ["--gateway-port", fixture.GatewayPort.ToString(), "--cluster-id", fixture.ClusterId, "--connect-timeout", "10"];

    private Task<CliRun> Actors(params string[] args) => CliRun.StartAsync([.. Connection, .. args]);

    private Task<CliRun> Security(string verb, params string[] args) => Actors(["--json", "security", verb, "--tenant", _tenant, .. args]);

    [Fact]
    public async Task Alerts_open_and_join_a_case_which_moves_through_its_lifecycle()
    {
        // The same alert, the same instant: a retry by a SOAR script that stamps its alerts.
        string[] alert = ["--source", "edr", "--seq", "1", "--severity", "medium", "--rule", "failed-logins", "--principal", "alice", "--occurred-at", "2026-03-01T12:00:00Z"];
        var first = await Security("alert", alert);
        var repeat = await Security("alert", alert);
        var joined = await Security("alert", "--source", "edr", "--seq", "2", "--severity", "critical", "--rule", "odd-process", "--principal", "alice", "--host", "web-1");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        var caseId = JsonDocument.Parse(first.Stdout).RootElement.GetProperty("caseId").GetString()!;

        var triaged = await Security("transition", "--case", caseId, "--to", "triaged", "--actor", "ana", "--seq", "1");
        var skipped = await Security("transition", "--case", caseId, "--to", "closed", "--actor", "ana", "--seq", "2");
        var shown = await Actors(["security", "case", "--tenant", _tenant, "--case", caseId]);
        var listed = await Security("cases", "--status", "triaged");
        var table = await Actors(["security", "cases", "--tenant", _tenant]);

        AssertJson(first, json =>
        {
            Assert.Equal("case-edr-1", json.GetProperty("caseId").GetString());
            Assert.True(json.GetProperty("openedCase").GetBoolean());
            Assert.False(json.GetProperty("duplicate").GetBoolean());
        });
        Assert.True(repeat.ExitCode == ExitCodes.Ok, repeat.ToString());
        AssertJson(repeat, json => Assert.True(json.GetProperty("duplicate").GetBoolean()));
        Assert.True(joined.ExitCode == ExitCodes.Ok, joined.ToString());
        AssertJson(joined, json =>
        {
            Assert.Equal(caseId, json.GetProperty("caseId").GetString());
            Assert.Equal("critical", json.GetProperty("case").GetProperty("severity").GetString());
            Assert.Equal(2, json.GetProperty("case").GetProperty("alertCount").GetInt32());
        });
        Assert.True(triaged.ExitCode == ExitCodes.Ok, triaged.ToString());
        AssertJson(triaged, json => Assert.Equal("triaged", json.GetProperty("status").GetString()));
        Assert.True(skipped.ExitCode == ExitCodes.Conflict, skipped.ToString());
        Assert.Contains("cannot go from triaged to closed", skipped.Stderr);
        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        Assert.Contains("status:     triaged", shown.Stdout);
        Assert.Contains("rules:      failed-logins, odd-process", shown.Stdout);
        AssertJson(listed, json => Assert.Equal([caseId], json.EnumerateArray().Select(c => c.GetProperty("caseId").GetString())));
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Contains(caseId, table.Stdout);
    }

    [Fact]
    public async Task An_unknown_case_exits_with_5_and_bad_input_with_2_before_connecting()
    {
        var missing = await Security("case", "--case", "case-none-1");
        var moveMissing = await Security("transition", "--case", "case-none-1", "--to", "triaged", "--actor", "ana", "--seq", "1");
        var noTarget = await Security("alert", "--source", "edr", "--seq", "1", "--severity", "low", "--rule", "r");
        var badStatus = await Security("transition", "--case", "case-none-1", "--to", "pending", "--actor", "ana", "--seq", "1");
        var badSeverity = await Security("alert", "--source", "edr", "--seq", "1", "--severity", "apocalyptic", "--rule", "r", "--host", "h");

        Assert.True(missing.ExitCode == ExitCodes.NotFound, missing.ToString());
        Assert.Contains("case-none-1", missing.Stderr);
        Assert.True(moveMissing.ExitCode == ExitCodes.NotFound, moveMissing.ToString());
        Assert.True(noTarget.ExitCode == ExitCodes.InvalidInput, noTarget.ToString());
        Assert.Contains("principal, a host or both", noTarget.Stderr);
        Assert.True(badStatus.ExitCode == ExitCodes.InvalidInput, badStatus.ToString());
        Assert.True(badSeverity.ExitCode == ExitCodes.InvalidInput, badSeverity.ToString());
        var empty = await Security("cases");
        AssertJson(empty, json => Assert.Equal(0, json.GetArrayLength()));
    }

    [Fact]
    public async Task Reopening_a_closed_case_and_repeating_a_move_are_answered()
    {
        var raised = await Security("alert", "--source", "siem", "--seq", "7", "--severity", "high", "--rule", "beaconing", "--host", "db-1");
        var caseId = JsonDocument.Parse(raised.Stdout).RootElement.GetProperty("caseId").GetString()!;
        var seq = 1;
        foreach (var to in new[] { "triaged", "contained", "resolved", "closed" })
        {
            var moved = await Security("transition", "--case", caseId, "--to", to, "--actor", "ana", "--seq", (seq++).ToString());
            Assert.True(moved.ExitCode == ExitCodes.Ok, moved.ToString());
        }

        var repeated = await Security("transition", "--case", caseId, "--to", "closed", "--actor", "ana", "--seq", "4");
        var reused = await Security("transition", "--case", caseId, "--to", "reopened", "--actor", "ana", "--seq", "4");
        var reopened = await Security("transition", "--case", caseId, "--to", "reopened", "--actor", "ana", "--reason", "came back", "--seq", "5");

        Assert.True(repeated.ExitCode == ExitCodes.Ok, repeated.ToString());
        AssertJson(repeated, json => Assert.Equal(5, json.GetProperty("version").GetInt64()));
        Assert.True(reused.ExitCode == ExitCodes.Conflict, reused.ToString());
        Assert.True(reopened.ExitCode == ExitCodes.Ok, reopened.ToString());
        AssertJson(reopened, json => Assert.Equal("open", json.GetProperty("status").GetString()));
    }

    private static void AssertJson(CliRun run, Action<JsonElement> check)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        check(json.RootElement);
    }
}
