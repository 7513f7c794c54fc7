namespace Actors.Tests.Cli.Events;

/// <summary>A file in the temp directory with the given lines, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(params string[] lines)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"actors-events-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(Path, lines);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
