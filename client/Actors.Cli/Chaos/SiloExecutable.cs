using System.Diagnostics;

namespace Actors.Cli.Chaos;

/// <summary>
/// The silo program a chaos run starts: a built <c>Actors.Silo.dll</c> (run with <c>dotnet</c>) or a native executable.
/// </summary>
public sealed record SiloExecutable(string Path)
{
    /// <summary>Environment variable naming the silo executable when <c>--silo</c> is not given.</summary>
    public const string EnvironmentVariable = "ACTORS_SILO";

    private const string AssemblyName = "Actors.Silo.dll";

    /// <summary>
    /// The silo named by <paramref name="explicitPath"/>, else by <c>ACTORS_SILO</c>, else next to the CLI, else in the
    /// repository's build output (the configuration built last) above the CLI or the working directory.
    /// </summary>
    /// <exception cref="CliUsageException">when none of these exists, naming every place that was looked at.</exception>
    public static SiloExecutable Resolve(string? explicitPath, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return File.Exists(explicitPath)
                ? new SiloExecutable(System.IO.Path.GetFullPath(explicitPath))
                : throw new CliUsageException($"--silo {explicitPath}: no such file.");
        }
        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? new SiloExecutable(System.IO.Path.GetFullPath(fromEnvironment))
                : throw new CliUsageException($"{EnvironmentVariable}={fromEnvironment}: no such file.");
        }
        var candidates = Candidates().ToList();
        // Next to the CLI wins; in a repository, the configuration built last is the one that matches the source.
        var found = File.Exists(candidates[0])
            ? candidates[0]
            : candidates.Skip(1).Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return found is not null
            ? new SiloExecutable(found)
            : throw new CliUsageException(
                $"no silo found: pass --silo PATH (Actors.Silo.dll or an executable) or set {EnvironmentVariable}; looked at {string.Join(", ", candidates)}.");
    }

    /// <summary>A start description for this silo with <paramref name="arguments"/>, output redirected.</summary>
    public ProcessStartInfo StartInfo(IEnumerable<string> arguments, string workingDirectory)
    {
        var isAssembly = Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isAssembly ? "dotnet" : Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (isAssembly)
        {
            start.ArgumentList.Add(Path);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private static IEnumerable<string> Candidates()
    {
        yield return System.IO.Path.Combine(AppContext.BaseDirectory, AssemblyName);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var root = RepositoryRoot(start);
            if (root is null)
            {
                continue;
            }
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                yield return System.IO.Path.Combine(root, "silo", "Actors.Silo", "bin", configuration, "net10.0", AssemblyName);
            }
        }
    }

    private static string? RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Actors.sln")))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
