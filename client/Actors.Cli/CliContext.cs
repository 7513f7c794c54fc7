namespace Actors.Cli;

/// <summary>
/// What the CLI reads from and writes to. The process uses the real console and environment; tests pass writers and
/// a fixed environment so that runs are isolated and their output can be inspected.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable)
{
    /// <summary>The console and environment of this process.</summary>
    public static CliContext ForProcess() => new(Console.Out, Console.Error, Environment.GetEnvironmentVariable);
}
