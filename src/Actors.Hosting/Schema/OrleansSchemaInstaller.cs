using Actors.Ledger.Schema;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Actors.Hosting.Schema;

/// <summary>
/// Creates the tables and stored queries that Orleans' ADO.NET providers (clustering, grain storage, reminders) read
/// from the target database. Orleans ships no SQL in its packages; these scripts are ours, under
/// <c>cluster-config/sql/orleans-*.sql</c>. Every method is idempotent and safe to run concurrently from several silos,
/// so a silo runs it on every start before any Orleans provider initialises.
/// </summary>
/// <remarks>
/// A silo then configures the providers with <see cref="PostgresInvariant"/> or <see cref="SqliteInvariant"/> as
/// <c>Invariant</c> and the same connection string as <c>ConnectionString</c>; no other option is needed.
/// </remarks>
public static class OrleansSchemaInstaller
{
    /// <summary>The ADO.NET invariant name Orleans uses for PostgreSQL (resolved by Orleans to <c>Npgsql.NpgsqlFactory</c>).</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// The ADO.NET invariant name Orleans uses for SQLite. Despite the name, Orleans 10.4.2 resolves it to
    /// <c>Microsoft.Data.Sqlite.SqliteFactory</c>, the provider this project uses; System.Data.SQLite is not involved.
    /// </summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    // Order matters: the first creates the OrleansQuery table the others fill.
    private static readonly string[] PostgresScripts =
    [
        "orleans-postgres-main.sql",
        "orleans-postgres-clustering.sql",
        "orleans-postgres-persistence.sql",
        "orleans-postgres-reminders.sql",
    ];

    private const string SqliteStorageScript = "orleans-sqlite-persistence.sql";

    /// <summary>
    /// Installs, in the PostgreSQL database named by <paramref name="connectionString"/>, the Orleans query catalogue,
    /// cluster membership, grain storage and reminder tables, replacing any older version of the stored queries.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string; the database must already exist.</param>
    /// <param name="cancellationToken">Cancels the installation; the script in progress is rolled back.</param>
    public static async Task EnsurePostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Each script runs its own transaction. A private, unpooled session guarantees that a script failing half-way
        // ends with its session, so the open transaction (and its advisory lock) can never leak into a pooled
        // connection that Orleans or the ledger would reuse.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        foreach (var script in PostgresScripts)
        {
            await using var command = new NpgsqlCommand(EmbeddedSqlScript.Read(typeof(OrleansSchemaInstaller).Assembly, script), connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Installs the Orleans grain-storage table and its stored queries in the SQLite database file named by
    /// <paramref name="connectionString"/> (created if missing; its directory must exist), and switches the file to
    /// WAL journaling.
    /// </summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=data/orleans.db</c>.</param>
    /// <param name="cancellationToken">Cancels the installation; the script in progress is rolled back.</param>
    public static async Task EnsureSqliteStorageAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Unpooled for the same reason as above: a failed script must not leave a pooled connection inside its
        // BEGIN IMMEDIATE, holding the file's write lock.
        var unpooled = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new SqliteConnection(unpooled);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = EmbeddedSqlScript.Read(typeof(OrleansSchemaInstaller).Assembly, SqliteStorageScript);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Registers <see cref="SqliteInvariant"/> and <see cref="PostgresInvariant"/> with <see cref="DbProviderFactories"/>.
    /// Idempotent: a second registration replaces the first with the same factory.
    /// </summary>
    /// <remarks>
    /// Orleans 10.4.2 does not need this: its providers map both invariants to their factories by themselves. It is for
    /// other ADO.NET code that resolves a provider by invariant name through <see cref="DbProviderFactories"/>, so
    /// that such code gets the same providers Orleans uses.
    /// </remarks>
    public static void RegisterProviderFactories()
    {
        DbProviderFactories.RegisterFactory(SqliteInvariant, SqliteFactory.Instance);
        DbProviderFactories.RegisterFactory(PostgresInvariant, NpgsqlFactory.Instance);
    }
}
