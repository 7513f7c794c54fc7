using System.CommandLine;
using System.Globalization;
using Actors.Cli.Demo;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors demo telemetry-flood</c>: floods the bulk lane while payments flow on the critical lane to the same accounts,
/// then prints the critical events' end-to-end latency per second of the flood and overall.
/// </summary>
public sealed class DemoTelemetryFloodCommand : Command
{
    private readonly Option<int> _bulkRate = new("--bulk-rate")
    {
        Description = "Bulk (usage) events per second.",
        DefaultValueFactory = _ => 5000,
        Validators = { OptionRange.Between(1, 1_000_000) },
    };

    private readonly Option<int> _criticalRate = new("--critical-rate")
    {
        Description = "Critical (payment) events per second.",
        DefaultValueFactory = _ => 20,
        Validators = { OptionRange.Between(1, 10_000) },
    };

    private readonly Option<int> _seconds = new("--seconds")
    {
        Description = "How long to publish.",
        DefaultValueFactory = _ => 10,
        Validators = { OptionRange.Between(1, 3600) },
    };

    private readonly Option<int> _accounts = new("--accounts")
    {
        Description = "Accounts that receive both kinds of event.",
        DefaultValueFactory = _ => 100,
        Validators = { OptionRange.Between(1, 100_000) },
    };

    private readonly Option<string?> _tenant = new("--tenant") { Description = "Tenant to use (default: a new one per run)." };

    public DemoTelemetryFloodCommand(CommandRunner runner)
        : base("telemetry-flood", "Flood the bulk lane while critical events flow, and show the critical lane's latency percentiles during the flood.")
    {
        Options.Add(_bulkRate);
        Options.Add(_criticalRate);
        Options.Add(_seconds);
        Options.Add(_accounts);
        Options.Add(_tenant);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var settings = new LaneFloodSettings(parse.GetValue(_criticalRate), parse.GetValue(_bulkRate), parse.GetValue(_accounts));
        var tenant = parse.GetValue(_tenant) ?? $"flood-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var seconds = parse.GetValue(_seconds);
        var output = scope.Output;

        await using var client = await scope.ConnectAsync(cancellationToken);
        if (!output.IsJson)
        {
            output.WriteLine($"telemetry-flood on tenant {tenant}: critical {settings.CriticalRate}/s, bulk {settings.BulkRate}/s, {settings.Accounts} account(s), {seconds} s");
        }
        var result = await new LaneFlood(client, settings).RunAsync(tenant, flood: true, TimeSpan.FromSeconds(seconds), TimeSpan.FromMinutes(5),
            output.IsJson ? null : (critical, bulk) => output.WriteLine($"  published: critical {critical:N0}, bulk {bulk:N0}"),
            cancellationToken);

        var perSecond = result.PerSecond();
        if (output.IsJson)
        {
            output.WriteJson(new
            {
                tenant,
                settings.CriticalRate,
                settings.BulkRate,
                seconds,
                criticalEvents = result.Critical.Count,
                criticalP50Ms = result.Percentile(50),
                criticalP99Ms = result.Percentile(99),
                bulkSent = result.BulkSent,
                bulkCommitted = result.BulkCommitted,
                bulkPerSecond = result.BulkPerSecond,
                perSecond = perSecond.Select(s => new { s.Second, s.Count, p50Ms = s.P50, p99Ms = s.P99 }),
            });
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumn("second").AddColumn(new TableColumn("critical events").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned()).AddColumn(new TableColumn("p99 ms").RightAligned());
        foreach (var s in perSecond)
        {
            table.AddRow(s.Second.ToString(CultureInfo.InvariantCulture), s.Count.ToString(CultureInfo.InvariantCulture),
                s.P50.ToString("F1", CultureInfo.InvariantCulture), s.P99.ToString("F1", CultureInfo.InvariantCulture));
        }
        output.Console.Write(table);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"critical: {result.Critical.Count} event(s), p50 {result.Percentile(50):F1} ms, p99 {result.Percentile(99):F1} ms (publish -> ledger commit)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk: {result.BulkSent:N0} sent, {result.BulkCommitted:N0} committed, {result.BulkPerSecond:F0}/s"));
        return ExitCodes.Ok;
    }
}
