using Microsoft.Data.Sqlite;

namespace Actors.Ledger;

/// <summary>
/// One SQLite file as the <c>local</c> profile's stores open it: created when missing, pooled connections, and each
/// connection set up with the store's own pragmas before it is handed out. The stores may share one file.
/// </summary>
internal sealed class SqliteDatabaseFile
{
    private readonly string _connectionString;

    /// <param name="databasePath">A file path, not a connection string; relative paths are resolved against the current directory.</param>
    public SqliteDatabaseFile(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        Path = System.IO.Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds Microsoft.Data.Sqlite retries a statement that finds the file locked (by another writer, thread or
            // process, or by a checkpoint).
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path { get; }

    /// <summary>Closes the idle pooled connections to this file, which otherwise keep it open.</summary>
    public void ClearPool()
    {
        using var pooled = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(pooled);
    }

    /// <summary>An open connection with no pragmas of its own (for reads beside a writer that set them up).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>An open connection on which <paramref name="pragmas"/> have run; disposed again if they fail.</summary>
    public SqliteConnection Open(string pragmas)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    /// <summary>The asynchronous form of <see cref="Open(string)"/>.</summary>
    public async Task<SqliteConnection> OpenAsync(string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
