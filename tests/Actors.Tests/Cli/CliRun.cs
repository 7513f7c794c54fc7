using System.Diagnostics;
using Actors.Cli;

namespace Actors.Tests.Cli;

/// <summary>One in-process run of <c>actors</c>: exit code, what it printed, how long it took.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>Runs the CLI with an empty environment, so ACTORS_POSTGRES on the test machine cannot change the outcome.</summary>
    public static async Task<CliRun> StartAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var watch = Stopwatch.StartNew();
        var exit = await ActorsCli.RunAsync(args, new CliContext(stdout, stderr, _ => null), CancellationToken.None);
        return new CliRun(exit, stdout.ToString(), stderr.ToString(), watch.Elapsed);
    }

    public override string ToString() => $"exit {ExitCode} after {Elapsed}\nstdout: {Stdout}\nstderr: {Stderr}";
}
