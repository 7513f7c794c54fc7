namespace Actors.Tests.Lanes.Embedded;

/// <summary>A fresh directory under the system temp folder, removed on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("actors-lanes-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException ex)
        {
            // A leftover temp folder is harmless; say so rather than fail a passing test.
            Console.Error.WriteLine($"could not remove {Path}: {ex.Message}");
        }
    }
}
