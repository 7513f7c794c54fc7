using Microsoft.Data.Sqlite;

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

    /// <summary>A connection string to the file that bypasses the pool, so a test's own statements leave nothing holding the file open.</summary>
    public string UnpooledConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();

    /// <summary>Runs <paramref name="sql"/> on the file directly, past any store.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(UnpooledConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row <paramref name="sql"/> returns, read from the file directly.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(UnpooledConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqliteCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
