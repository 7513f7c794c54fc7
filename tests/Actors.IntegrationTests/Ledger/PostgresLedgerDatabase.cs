using Actors.IntegrationTests.OrleansSchema;
using Npgsql;
using Xunit;

namespace Actors.IntegrationTests.Ledger;

/// <summary>A fresh PostgreSQL database for one ledger test class (from ACTORS_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresLedgerDatabase : IAsyncLifetime
{
    private FreshPostgresDatabase? _database;

    public FreshPostgresDatabase Database =>
        _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public string ConnectionString => Database.ConnectionString;

    /// <summary>Runs <paramref name="sql"/> on the database directly, past any store.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task InitializeAsync() => _database = await FreshPostgresDatabase.CreateAsync(TestTimeout.Token());

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
