namespace Actors.IntegrationTests.Ledger;

/// <summary>A SQLite database path in a directory of its own, removed (with its -wal and -shm files) on dispose.</summary>
internal sealed class TemporarySqliteFile : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actors-ledger-tests", Guid.NewGuid().ToString("N"));

    public TemporarySqliteFile()
    {
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "ledger.db");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
