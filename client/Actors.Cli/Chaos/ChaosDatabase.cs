using Npgsql;

namespace Actors.Cli.Chaos;

/// <summary>A PostgreSQL database of the run's own, so the membership, ledgers and stores of two runs never mix.</summary>
public sealed class ChaosDatabase
{
    private readonly string _serverConnectionString;

    private ChaosDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The database name, <c>actors_chaos_yyyyMMdd_HHmmss_xxxxxx</c>.</summary>
    public string Name { get; }

    /// <summary>The connection string the silos and the client use.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty database on the server of <paramref name="serverConnectionString"/>.</summary>
    public static async Task<ChaosDatabase> CreateAsync(string serverConnectionString, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = $"actors_chaos_{now:yyyyMMdd_HHmmss}_{Guid.NewGuid():N}"[..36];
        var database = new ChaosDatabase(serverConnectionString, name);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {name}", cancellationToken);
        return database;
    }

    /// <summary>Drops the database, ending the connections still open on it.</summary>
    public async Task DropAsync(CancellationToken cancellationToken)
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            // The pool would otherwise hand out connections to a database that no longer exists.
            NpgsqlConnection.ClearPool(pooled);
        }
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", cancellationToken);
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
