using System.CommandLine;
using System.Globalization;
using Actors.Cli.Demo;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors demo telemetry-flood</c>: floods the bulk lane with endpoint telemetry over many principals and hosts while
/// payments flow on the critical lane, plants brute-force attacks during the flood, and prints each attack's detection
/// latency (last failed login published -> security case visible) next to the critical lane's latency percentiles.
/// </summary>
public sealed class DemoTelemetryFloodCommand : Command
{
    private static readonly TimeSpan DetectionTimeout = TimeSpan.FromMinutes(2);

    private readonly Option<int> _bulkRate = new("--bulk-rate")
    {
        Description = "Telemetry events (logins, process starts, network connections) per second on the bulk lane.",
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
        Description = "Accounts that receive the payments.",
        DefaultValueFactory = _ => 100,
        Validators = { OptionRange.Between(1, 100_000) },
    };

    private readonly Option<int> _principals = new("--principals")
    {
        Description = "Principals the benign telemetry is spread over.",
        DefaultValueFactory = _ => 1000,
        Validators = { OptionRange.Between(1, 1_000_000) },
    };

    private readonly Option<int> _hosts = new("--hosts")
    {
        Description = "Hosts the benign telemetry is spread over.",
        DefaultValueFactory = _ => 500,
        Validators = { OptionRange.Between(1, 1_000_000) },
    };

    private readonly Option<int> _attacks = new("--attacks")
    {
        Description = $"Brute-force attacks ({TelemetryFlood.FailuresPerAttack} failed logins of one principal) planted at even points of the flood.",
        DefaultValueFactory = _ => 3,
        Validators = { OptionRange.Between(1, 100) },
    };

    private readonly Option<string?> _tenant = new("--tenant") { Description = "Tenant to use (default: a new one per run)." };

    public DemoTelemetryFloodCommand(CommandRunner runner)
        : base("telemetry-flood", "Flood the bulk lane with telemetry while payments flow, plant attacks, and show detection latency and the critical lane's latency during the flood.")
    {
        Options.Add(_bulkRate);
        Options.Add(_criticalRate);
        Options.Add(_seconds);
        Options.Add(_accounts);
        Options.Add(_principals);
        Options.Add(_hosts);
        Options.Add(_attacks);
        Options.Add(_tenant);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var settings = new TelemetryFloodSettings(parse.GetValue(_bulkRate), parse.GetValue(_criticalRate), parse.GetValue(_accounts),
            parse.GetValue(_principals), parse.GetValue(_hosts), parse.GetValue(_attacks));
        var tenant = parse.GetValue(_tenant) ?? $"flood-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var seconds = parse.GetValue(_seconds);
        var output = scope.Output;

        await using var client = await scope.ConnectAsync(cancellationToken);
        if (!output.IsJson)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"telemetry-flood on tenant {tenant}: telemetry {settings.TelemetryRate}/s over {settings.Principals} principal(s) and {settings.Hosts} host(s), critical {settings.CriticalRate}/s to {settings.Accounts} account(s), {settings.Attacks} planted attack(s), {seconds} s"));
        }
        var result = await new TelemetryFlood(client, settings).RunAsync(tenant, TimeSpan.FromSeconds(seconds), DetectionTimeout, TimeSpan.FromMinutes(5),
            output.IsJson ? null : (sent, planted, detected) => output.WriteLine($"  telemetry published: {sent:N0}, attacks planted: {planted}, detected: {detected}"),
            cancellationToken);

        var critical = result.Critical;
        var perSecond = critical.PerSecond();
        var exitCode = result.AllDetected ? ExitCodes.Ok : ExitCodes.Failure;
        if (output.IsJson)
        {
            output.WriteJson(new
            {
                tenant,
                telemetryRate = settings.TelemetryRate,
                settings.CriticalRate,
                seconds,
                telemetrySent = result.TelemetrySent,
                telemetryPerSecond = result.TelemetryPerSecond,
                attacks = result.Attacks.Select(a => new { a.Number, a.Principal, a.PublishedAt, a.Detected, detectionMs = a.Milliseconds }),
                allDetected = result.AllDetected,
                detectionP50Ms = Number(result.DetectionPercentile(50)),
                detectionMaxMs = Number(result.DetectionPercentile(100)),
                criticalEvents = critical.Critical.Count,
                criticalP50Ms = Number(critical.Percentile(50)),
                criticalP99Ms = Number(critical.Percentile(99)),
                perSecond = perSecond.Select(s => new { s.Second, s.Count, p50Ms = s.P50, p99Ms = s.P99 }),
            });
            return exitCode;
        }

        var attacks = new Table().AddColumn("attack").AddColumn("principal").AddColumn(new TableColumn("at s").RightAligned())
            .AddColumn(new TableColumn("detection ms").RightAligned());
        foreach (var a in result.Attacks)
        {
            attacks.AddRow(a.Number.ToString(CultureInfo.InvariantCulture), a.Principal,
                (a.PublishedAt - critical.StartedAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                a.Milliseconds is { } ms ? ms.ToString("F0", CultureInfo.InvariantCulture) : "NOT DETECTED");
        }
        output.Console.Write(attacks);
        var table = new Table().AddColumn("second").AddColumn(new TableColumn("critical events").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned()).AddColumn(new TableColumn("p99 ms").RightAligned());
        foreach (var s in perSecond)
        {
            table.AddRow(s.Second.ToString(CultureInfo.InvariantCulture), s.Count.ToString(CultureInfo.InvariantCulture),
                s.P50.ToString("F1", CultureInfo.InvariantCulture), s.P99.ToString("F1", CultureInfo.InvariantCulture));
        }
        output.Console.Write(table);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"detection: {result.Attacks.Count(a => a.Detected)}/{result.Attacks.Count} attack(s) detected, p50 {result.DetectionPercentile(50):F0} ms, max {result.DetectionPercentile(100):F0} ms (last failed login published -> case visible)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"critical: {critical.Critical.Count} event(s), p50 {critical.Percentile(50):F1} ms, p99 {critical.Percentile(99):F1} ms (publish -> ledger commit)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"telemetry: {result.TelemetrySent:N0} published, {result.TelemetryPerSecond:F0}/s"));
        return exitCode;
    }

    // JSON has no NaN: an empty measurement is null.
    private static double? Number(double value) => double.IsNaN(value) ? null : value;
}
