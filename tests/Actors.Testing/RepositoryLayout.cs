namespace Actors.Testing;

/// <summary>Finds the built executables of this repository from a test's output folder.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The silo's entry assembly built in the same configuration as the tests.</summary>
    public static string SiloAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var path = Path.Combine(Root, "silo", "Actors.Silo", "bin", configuration, "net10.0", "Actors.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"the silo is not built: {path} (run `dotnet build Actors.sln`).");
        }
    }

    /// <summary>The <c>actors</c> CLI's entry assembly built in the same configuration as the tests.</summary>
    public static string CliAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var path = Path.Combine(Root, "client", "Actors.Cli", "bin", configuration, "net10.0", "actors.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"the CLI is not built: {path} (run `dotnet build Actors.sln`).");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Actors.sln not found above {AppContext.BaseDirectory}");
    }
}
