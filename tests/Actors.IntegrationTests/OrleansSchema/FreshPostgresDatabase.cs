using Npgsql;

namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>
/// An empty PostgreSQL database of its own for one test class, so Orleans tables, membership rows and reminders never
/// leak between classes or runs. The server comes from ACTORS_TEST_POSTGRES (set by tests/run); dropped on dispose.
/// </summary>
public sealed class FreshPostgresDatabase : IAsyncDisposable
{
    private const string ServerVariable = "ACTORS_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private FreshPostgresDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<FreshPostgresDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set. These tests need a PostgreSQL server: run tests/run, or export " +
                $"{ServerVariable}='Host=127.0.0.1;Port=55432;Username=postgres;Database=actors'.");
        }
        var database = new FreshPostgresDatabase(server, $"t_orleans_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.Name}", cancellationToken);
        // A session time zone far from UTC (+12:45, with daylight saving) makes any time that is stored or compared
        // as local time rather than as an instant show up as a shifted value in the tests.
        await database.ExecuteOnServerAsync($"ALTER DATABASE {database.Name} SET timezone TO 'Pacific/Chatham'", cancellationToken);
        return database;
    }

    /// <summary>Runs one statement and returns the first column of the first row (null when there is none).</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        // Orleans keeps pooled connections to the database open; FORCE ends them so the drop cannot fail on them, and
        // clearing this database's pool lets the client forget them rather than find them broken later.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);
    }

    /// <summary>Runs one statement on the server's own database (for statements about this database: ALTER, DROP).</summary>
    public async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
