using System.CommandLine;
using Actors.Cli.Demo;
using Actors.Cli.Output;
using Actors.Contracts;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors demo retry-storm</c>: sends every usage event several times, shuffled, with random delays and many in
/// flight, then checks that every account was charged exactly once. Exit 0 only when all balances match.
/// </summary>
public sealed class DemoRetryStormCommand : Command
{
    private readonly Option<int> _accounts = new("--accounts")
    {
        Description = "Number of accounts.",
        DefaultValueFactory = _ => 10,
        Validators = { OptionRange.Between(1, 100_000) },
    };

    private readonly Option<int> _events = new("--events")
    {
        Description = "Distinct usage events per account.",
        DefaultValueFactory = _ => 20,
        Validators = { OptionRange.Between(1, 1_000_000) },
    };

    private readonly Option<int> _duplicates = new("--duplicates")
    {
        Description = "How many times each event is sent.",
        DefaultValueFactory = _ => 3,
        Validators = { OptionRange.Between(1, 100) },
    };

    private readonly Option<int> _concurrency = new("--concurrency")
    {
        Description = "Sends in flight at once.",
        DefaultValueFactory = _ => 32,
        Validators = { OptionRange.Between(1, 1024) },
    };

    private readonly Option<int?> _seed = new("--seed")
    {
        Description = "Seed of events, prices, delays and order (default: random, printed so a run can be replayed).",
    };

    private readonly Option<string?> _tenant = new("--tenant")
    {
        Description = "Tenant to record on (default: a new one per run, so reruns never collide).",
    };

    private readonly Option<int> _maxDelay = new("--max-delay-ms")
    {
        Description = "Longest random pause before a send, in milliseconds.",
        DefaultValueFactory = _ => 3,
        Validators = { OptionRange.Between(0, 10_000) },
    };

    public DemoRetryStormCommand(CommandRunner runner)
        : base("retry-storm", "Send every usage event K times, reordered and delayed, then compare every balance with the expected one.")
    {
        Options.Add(_accounts);
        Options.Add(_events);
        Options.Add(_duplicates);
        Options.Add(_concurrency);
        Options.Add(_seed);
        Options.Add(_tenant);
        Options.Add(_maxDelay);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var settings = ReadSettings(scope.Parse);
        var output = scope.Output;
        var plan = RetryStormPlan.Create(settings, DateTimeOffset.UtcNow);

        await using var client = await scope.ConnectAsync(cancellationToken);
        if (!output.IsJson)
        {
            output.WriteLine($"retry-storm on tenant {settings.Tenant}, seed {settings.Seed}");
            output.WriteLine(
                $"  {settings.Accounts} account(s) x {settings.EventsPerAccount} event(s) x {settings.Duplicates} send(s) = " +
                $"{settings.TotalSends:N0} sends, {settings.Concurrency} in flight, pauses 0-{settings.MaxDelayMilliseconds} ms");
        }

        var sender = new RetryStormSender(client.Billing);
        SendTally tally;
        if (output.CanShowProgress)
        {
            tally = await output.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("sending", maxValue: settings.TotalSends);
                    return await sender.SendAsync(plan, () => task.Increment(1), cancellationToken);
                });
        }
        else
        {
            tally = await sender.SendAsync(plan, static () => { }, cancellationToken);
        }

        var report = await new RetryStormVerifier(client.Billing).VerifyAsync(plan, tally, cancellationToken);
        Write(output, report);
        return report.Ok ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private RetryStormSettings ReadSettings(ParseResult parse)
    {
        var tenant = parse.GetValue(_tenant) ?? $"storm-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        EntityKey.Validate("tenant", tenant);
        var settings = new RetryStormSettings(
            tenant,
            parse.GetValue(_accounts),
            parse.GetValue(_events),
            parse.GetValue(_duplicates),
            parse.GetValue(_concurrency),
            parse.GetValue(_seed) ?? Random.Shared.Next(),
            parse.GetValue(_maxDelay));
        if (settings.TotalSends > RetryStormSettings.MaxSends)
        {
            throw new CliUsageException(
                $"--accounts x --events x --duplicates is {settings.TotalSends:N0} sends; at most {RetryStormSettings.MaxSends:N0} are allowed.");
        }
        return settings;
    }

    private static void Write(CommandOutput output, RetryStormReport report)
    {
        if (output.IsJson)
        {
            output.WriteJson(report);
            return;
        }

        output.WriteLine($"  sends           {report.Sends:N0} (failed {report.FailedSends:N0})");
        output.WriteLine($"  duplicates      {report.DuplicatesAnswered:N0} answered as duplicate: true (expected {report.ExpectedDuplicates:N0})");
        output.WriteLine($"  events          expected {report.ExpectedEvents:N0}, on the ledgers {report.ActualEvents:N0}");
        output.WriteLine($"  balance total   expected {report.ExpectedTotalMinor:N0}, actual {report.ActualTotalMinor:N0} ({RetryStormPlan.Currency} minor units)");
        output.WriteLine($"  mismatching     {report.MismatchedAccounts:N0} of {report.Accounts:N0} account(s)");
        output.WriteLine($"  double charges  {report.DoubleChargedAccounts:N0} account(s), excess {report.DoubleChargeExcessMinor:N0}");
        output.WriteLine($"  elapsed         {report.ElapsedSeconds:0.###} s: {report.SendsPerSecond:N0} sends/s, {report.EventsPerSecond:N0} events/s");
        if (report.FirstFailure is not null)
        {
            output.WriteLine($"  first failure   {report.FirstFailure}");
        }
        output.WriteLine(report.Ok
            ? "OK: every balance equals the expected one; zero double charges."
            : "FAILED: balances differ from the expected ones or sends failed (see above).");
    }
}
