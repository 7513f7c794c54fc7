using System.CommandLine;
using System.Runtime.InteropServices;
using Actors.Cli.Chaos;
using Actors.Cli.Output;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors chaos</c>: starts N cluster silos on this machine against a fresh PostgreSQL database, drives mixed load
/// through the SDK while SIGKILLing a random silo every few seconds, then proves from the log of acknowledged calls that
/// nothing acknowledged was lost or applied twice. Exit 0 only when every check held.
/// </summary>
public sealed class ChaosCommand : Command
{
    private readonly Option<int> _silos = new("--silos")
    {
        Description = "Silo processes to start.",
        DefaultValueFactory = _ => 3,
        Validators = { OptionRange.Between(1, 16) },
    };

    private readonly Option<int> _duration = new("--duration")
    {
        Description = "Seconds of load.",
        DefaultValueFactory = _ => 120,
        Validators = { OptionRange.Between(1, 86_400) },
    };

    private readonly Option<int> _killEvery = new("--kill-every")
    {
        Description = "Seconds between two SIGKILLs of a random silo (0: never kill).",
        DefaultValueFactory = _ => 20,
        Validators = { OptionRange.Between(0, 86_400) },
    };

    private readonly Option<int> _load = new("--load")
    {
        Description = "Operations per second (usage, payments, receipts, reservations, confirmations, alerts, duplicates).",
        DefaultValueFactory = _ => 100,
        Validators = { OptionRange.Between(1, 100_000) },
    };

    private readonly Option<int?> _seed = new("--seed")
    {
        Description = "Seed of the workload and of which silo dies (default: random, printed so a run can be replayed).",
    };

    private readonly Option<string?> _silo = new("--silo")
    {
        Description = $"The silo to run: a built Actors.Silo.dll or an executable (default: ${SiloExecutable.EnvironmentVariable}, next to actors, or the repository's build output).",
    };

    private readonly Option<string?> _runDirectory = new("--run-dir")
    {
        Description = "Where the silos' data and acknowledgements.jsonl go (default: a new directory under the system temp directory).",
    };

    private readonly Option<bool> _dropDatabase = new("--drop-database")
    {
        Description = "Drop the run's database at the end (by default it is kept for inspection).",
    };

    private readonly GlobalOptions _globals;

    /// <summary>Creates the command; it reports through <paramref name="runner"/>.</summary>
    public ChaosCommand(CommandRunner runner)
        : base("chaos", "Kill random silos of a local PostgreSQL cluster under mixed load; verify nothing acknowledged was lost or applied twice.")
    {
        _globals = runner.Globals;
        Options.Add(_silos);
        Options.Add(_duration);
        Options.Add(_killEvery);
        Options.Add(_load);
        Options.Add(_seed);
        Options.Add(_silo);
        Options.Add(_runDirectory);
        Options.Add(_dropDatabase);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var settings = ReadSettings(scope.Parse);
        var output = scope.Output;
        if (!output.IsJson)
        {
            output.WriteLine(
                $"chaos: {settings.Silos} silo(s), {settings.Duration.TotalSeconds:0} s at {settings.OperationsPerSecond} op/s, " +
                (settings.KillEvery > TimeSpan.Zero ? $"SIGKILL every {settings.KillEvery.TotalSeconds:0} s" : "no kills") +
                $", seed {settings.Seed}");
            output.WriteLine($"  silo {settings.Silo.Path}");
            output.WriteLine($"  run directory {settings.RunDirectory}");
        }

        // Ctrl-C or SIGTERM must not end the process while silos run: it cancels the run, which stops them, and then exits.
        // (System.CommandLine's own handling would end the process 2 s after the signal, before the silos are stopped.)
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        cancellationToken = interrupted.Token;

        ChaosReport report;
        try
        {
            var run = new ChaosRun(settings);
            if (output.CanShowProgress)
            {
                report = await output.Console.Status().StartAsync("starting", async status =>
                    await run.RunAsync(p => status.Status(Describe(p)), cancellationToken));
            }
            else
            {
                var lastPhase = "";
                var clock = System.Diagnostics.Stopwatch.StartNew();
                report = await run.RunAsync(p =>
                {
                    if (!output.IsJson && p.Phase != lastPhase)
                    {
                        lastPhase = p.Phase;
                        output.WriteLine($"  [{clock.Elapsed.TotalSeconds,5:0.0} s] {p.Phase}");
                    }
                }, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            output.WriteError("interrupted: the silos were stopped; the run proves nothing.");
            return ExitCodes.Interrupted;
        }
        Write(output, report);
        return report.Passed ? ExitCodes.Ok : ExitCodes.VerificationFailed;

        void Interrupt(PosixSignalContext signal)
        {
            signal.Cancel = true;
            output.WriteError($"{signal.Signal}: stopping the silos...");
            interrupted.Cancel();
        }
    }

    private ChaosSettings ReadSettings(ParseResult parse)
    {
        var postgres = parse.GetValue(_globals.Postgres);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            postgres = Environment.GetEnvironmentVariable(Actors.Client.ActorsClientOptions.PostgresEnvironmentVariable);
        }
        if (string.IsNullOrWhiteSpace(postgres))
        {
            throw new CliUsageException(
                $"chaos needs a PostgreSQL server: pass --postgres \"Host=...;Username=...;Database=...\" or set {Actors.Client.ActorsClientOptions.PostgresEnvironmentVariable}; each run creates a database of its own there.");
        }
        var silo = SiloExecutable.Resolve(parse.GetValue(_silo), Environment.GetEnvironmentVariable);
        var runDirectory = parse.GetValue(_runDirectory)
            ?? Path.Combine(Path.GetTempPath(), $"actors-chaos-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        return new ChaosSettings(
            parse.GetValue(_silos),
            TimeSpan.FromSeconds(parse.GetValue(_duration)),
            TimeSpan.FromSeconds(parse.GetValue(_killEvery)),
            parse.GetValue(_load),
            parse.GetValue(_seed) ?? Random.Shared.Next(),
            postgres,
            silo,
            Path.GetFullPath(runDirectory),
            parse.GetValue(_dropDatabase));
    }

    private static string Describe(ChaosProgress progress) => progress.Phase is "load" or "draining"
        ? $"{progress.Phase}: {progress.LoadSeconds:0} s, {progress.Acknowledged:N0} acknowledged, {progress.InFlight} in flight, {progress.Kills} kill(s)"
        : progress.Phase;

    private static void Write(CommandOutput output, ChaosReport report)
    {
        if (output.IsJson)
        {
            output.WriteJson(report);
            return;
        }
        output.WriteLine($"  tenant {report.Tenant}, database {report.Database}, cluster {report.ClusterId}");
        output.WriteLine($"  load held        {report.AchievedOpsPerSecond:N1} op/s acknowledged (target {report.TargetOpsPerSecond}), {report.LoadSeconds:0.#} s, {report.OperationsStarted:N0} started, {report.Retries:N0} retries" +
                         (report.Skipped > 0 ? $", {report.Skipped:N0} not started (too many calls open)" : ""));
        output.WriteLine($"  kills survived   {report.KillsSurvived} of {report.Kills.Count}" +
                         (report.Kills.Count > 0 ? $" (silo back in {string.Join(", ", report.Kills.Select(k => k.RestartSeconds is { } s ? $"{s:0.0} s" : "never"))})" : ""));
        output.WriteLine($"  events acked     {report.EventsAcknowledged:N0}");
        output.WriteLine($"  lost             {report.Lost:N0}");
        output.WriteLine($"  applied twice    {report.AppliedTwice:N0}");
        output.WriteLine($"  duplicates       {report.DuplicatesSent:N0} sent, {report.DuplicatesAnswered:N0} answered duplicate: true; {report.RetriedDuplicates:N0} retries found their first attempt applied");
        output.WriteLine($"  unanswered       {report.Unresolved:N0}");
        output.WriteLine("  checks");
        foreach (var check in report.Checks)
        {
            output.WriteLine($"    {(check.Passed ? "ok  " : "FAIL")} {check.Name}: {check.Detail}");
        }
        output.WriteLine($"  log {report.AcknowledgementLog}");
        output.WriteLine(report.Passed
            ? "OK: nothing acknowledged was lost, nothing was applied twice, every check held."
            : "FAILED: see the checks above.");
    }
}
