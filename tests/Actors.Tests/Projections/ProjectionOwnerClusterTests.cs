using System.Text.Json;
using Actors.Cli;
using Actors.Cli.Commands;
using Actors.Cli.Output;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Projections;
using Actors.Tests.Cli;
using Actors.Tests.Clusters;

namespace Actors.Tests.Projections;

/// <summary>
/// The projection's owner grain in a real (in-process) cluster: events recorded through the account grains reach the
/// <c>balances</c> projection with the account grains' own balances, the lag drops to zero, and a rebuild through the
/// grain (and through the CLI) while recording goes on ends with the same balances.
/// </summary>
public sealed class ProjectionOwnerClusterTests(ProjectionClusterFixture fixture) : IClassFixture<ProjectionClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Recorded_events_reach_the_projection_with_the_account_grains_balances_and_the_lag_drops_to_zero()
    {
        var tenant = NewTenant();
        var accounts = new[] { "a1", "a2", "a3" };
        long last = 0;
        foreach (var account in accounts)
        {
            for (var seq = 1; seq <= 15; seq++)
            {
                var outcome = await Account(tenant, account).Record(Event(seq, account));
                last = Math.Max(last, outcome.GlobalPosition);
            }
        }

        var status = await CaughtUpAsync(last);

        Assert.Equal(0, status.Lag);
        Assert.Equal(BalanceEffectLogic, status.VersionLogic);
        await AssertBalancesEqualAsync(tenant, accounts);
        Assert.Null(await fixture.Actors.Projections.GetBalanceAsync(tenant, "never-recorded"));
    }

    [Fact]
    public async Task A_rebuild_through_the_owner_while_recording_goes_on_switches_to_a_new_version_with_equal_balances()
    {
        var tenant = NewTenant();
        var accounts = new[] { "r1", "r2", "r3", "r4" };
        var seqs = accounts.ToDictionary(a => a, _ => 0);
        long last = 0;
        async Task RecordRoundAsync()
        {
            foreach (var account in accounts)
            {
                var outcome = await Account(tenant, account).Record(Event(++seqs[account], account));
                last = Math.Max(last, outcome.GlobalPosition);
            }
        }
        for (var i = 0; i < 60; i++)
        {
            await RecordRoundAsync();
        }
        var before = await CaughtUpAsync(last);

        var started = await fixture.Actors.Projections.StartRebuildAsync(ProjectionNames.Balances);
        var target = started.Rebuild!.Version;
        var roundsDuring = 0;
        ProjectionStatus status;
        do
        {
            // Recording goes on for as long as the rebuild runs, and a little after the switch.
            await RecordRoundAsync();
            roundsDuring++;
            status = await fixture.Actors.Projections.GetStatusAsync(ProjectionNames.Balances);
            Assert.True(roundsDuring < 10_000, $"the rebuild did not end: {status}");
        }
        while (status.Rebuild is { State: ProjectionRebuildState.Running });
        for (var i = 0; i < 5; i++)
        {
            await RecordRoundAsync();
        }
        var after = await CaughtUpAsync(last);

        Assert.True(target > before.Version!.Value, $"rebuilt into {target}, active was {before.Version}");
        Assert.True(after.Rebuild is { State: ProjectionRebuildState.Succeeded } && after.Rebuild.Version == target, after.ToString());
        Assert.Equal(target, after.Version);
        Assert.True(after.Rebuild.Replayed >= before.Checkpoint, $"replayed {after.Rebuild.Replayed}, the ledger had {before.Checkpoint} positions");
        await AssertBalancesEqualAsync(tenant, accounts);
    }

    [Fact]
    public async Task The_cli_commands_show_the_status_and_rebuild_with_the_events_rate_and_time()
    {
        // The in-process cluster has no TCP gateway, so the commands' bodies run over the test cluster's client; parsing and
        // connecting are covered by ProjectionsCliArgumentTests and the other CLI tests.
        var tenant = NewTenant();
        long last = 0;
        for (var seq = 1; seq <= 20; seq++)
        {
            last = (await Account(tenant, "c1").Record(Event(seq, "c1"))).GlobalPosition;
        }
        await CaughtUpAsync(last);

        var status = await RunCliAsync(json: true, output => ProjectionsStatusCommand.WriteAsync(output, fixture.Actors, CancellationToken.None));
        var rebuild = await RunCliAsync(json: true, output => ProjectionsRebuild.RunAsync(output, fixture.Actors, "balances", noWait: false, CancellationToken.None));
        var text = await RunCliAsync(json: false, output => ProjectionsRebuild.RunAsync(output, fixture.Actors, "balances", noWait: false, CancellationToken.None));
        var table = await RunCliAsync(json: false, output => ProjectionsStatusCommand.WriteAsync(output, fixture.Actors, CancellationToken.None));

        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        using (var json = JsonDocument.Parse(status.Stdout))
        {
            var balances = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal("balances", balances.GetProperty("name").GetString());
            Assert.True(balances.GetProperty("checkpoint").GetInt64() >= last, status.Stdout);
            Assert.True(balances.GetProperty("head").GetInt64() >= balances.GetProperty("checkpoint").GetInt64(), status.Stdout);
            Assert.Equal(BalanceEffectLogic, balances.GetProperty("logicVersion").GetInt32());
            Assert.False(balances.GetProperty("rebuildInProgress").GetBoolean());
        }
        Assert.True(rebuild.ExitCode == ExitCodes.Ok, rebuild.ToString());
        int rebuiltVersion;
        using (var json = JsonDocument.Parse(rebuild.Stdout))
        {
            var ended = json.RootElement.GetProperty("rebuild");
            Assert.Equal("succeeded", ended.GetProperty("state").GetString());
            rebuiltVersion = ended.GetProperty("version").GetInt32();
            Assert.Equal(rebuiltVersion, json.RootElement.GetProperty("version").GetInt32());
            Assert.True(ended.GetProperty("events").GetInt64() >= last, rebuild.Stdout);
            Assert.True(ended.GetProperty("eventsPerSecond").GetDouble() > 0, rebuild.Stdout);
        }
        Assert.True(text.ExitCode == ExitCodes.Ok, text.ToString());
        Assert.Matches($@"rebuilt balances into version {rebuiltVersion + 1}: [\d,]+ events in [\d.]+ s \([\d,]+ events/s\); readers switched\.", text.Stdout);
        Assert.True(table.ExitCode == ExitCodes.Ok, table.ToString());
        Assert.Matches($@"balances\s.*\b{rebuiltVersion + 1}\b.*{BalanceEffectLogic}/{BalanceEffectLogic}", table.Stdout);
    }

    private static async Task<CliRun> RunCliAsync(bool json, Func<CommandOutput, Task<int>> body)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exit = await body(new CommandOutput(new CliContext(stdout, stderr, _ => null), json));
        return new CliRun(exit, stdout.ToString(), stderr.ToString(), clock.Elapsed);
    }

    private const int BalanceEffectLogic = Actors.Ledger.Projections.BalanceEffect.LogicVersion;

    private static string NewTenant() => "p" + Guid.NewGuid().ToString("N")[..10];

    private IAccountGrain Account(string tenant, string account) => fixture.Client.GetGrain<IAccountGrain>(EntityKey.Format(tenant, account));

    // Usage on two meters (priced) across two billing windows, payments and credits: every kind the projection folds.
    private static BillingEvent Event(int seq, string account) => (seq % 4) switch
    {
        0 => new PaymentReceived { Source = "bank", Seq = seq, OccurredAt = Billing.Events.At.AddDays(seq * 3), Currency = "USD", AmountMinor = 40 + seq },
        1 => new CreditGranted { Source = "support", Seq = seq, OccurredAt = Billing.Events.At.AddDays(seq * 3), Currency = "EUR", AmountMinor = 7 },
        _ => Billing.Events.Usage("meter", seq, quantity: seq % 5 + 1, unitPrice: account.Length + seq % 3, meter: seq % 2 == 0 ? "api-calls" : "storage") with
        {
            OccurredAt = Billing.Events.At.AddDays(seq * 3),
        },
    };

    private async Task<ProjectionStatus> CaughtUpAsync(long globalPosition) =>
        await Eventually.Until(
            () => fixture.Actors.Projections.GetStatusAsync(ProjectionNames.Balances),
            s => s.Checkpoint >= globalPosition && s.Lag == 0 && !s.RebuildInProgress,
            Deadline,
            $"the balances projection at position {globalPosition} with no lag");

    private async Task AssertBalancesEqualAsync(string tenant, IEnumerable<string> accounts)
    {
        foreach (var account in accounts)
        {
            var truth = await Account(tenant, account).GetBalance();
            var projected = await fixture.Actors.Projections.GetBalanceAsync(tenant, account);
            Assert.NotNull(projected);
            Assert.Equal(truth.BalanceMinor.OrderBy(p => p.Key), projected.BalanceMinor.OrderBy(p => p.Key));
            Assert.Equal((truth.EventCount, truth.LedgerPosition), (projected.EventCount, projected.LastPosition));
            Assert.Equal(truth.UsageByMeter.OrderBy(p => p.Key),
                projected.Usage.GroupBy(u => u.Meter).Select(g => new KeyValuePair<string, long>(g.Key, g.Sum(u => u.Quantity))).OrderBy(p => p.Key));
            Assert.True(projected.Usage.Select(u => u.Window).Distinct().Count() > 1, "the usage spans one billing window only");
        }
    }
}
