using System.Text;
using Microsoft.Data.Sqlite;

namespace Actors.Benchmarks;

/// <summary>
/// Baseline on the local profile's ledger file, with the store's durability settings (WAL, synchronous=FULL): one transaction
/// per batch, rows bound into a prepared multi-row INSERT. Small statements are SQLite's fast path (binding cost grows with
/// the parameter count), so the baseline uses them too: it should be the best plain insert, not a strawman.
/// </summary>
internal sealed class SqliteRawLedgerInsert(string databasePath) : IRawLedgerInsert
{
    private const int RowsPerStatement = 16;
    private const int Columns = 9;
    private readonly SqliteConnection _connection = Open(databasePath);

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public async Task InsertAsync(IReadOnlyList<RawRow> rows, int batchSize, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        foreach (var batch in rows.Chunk(batchSize))
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            SqliteCommand? full = null;
            foreach (var statement in batch.Chunk(RowsPerStatement))
            {
                var command = statement.Length == RowsPerStatement ? full ??= Prepare(RowsPerStatement, transaction) : Prepare(statement.Length, transaction);
                for (var i = 0; i < statement.Length; i++)
                {
                    var r = statement[i];
                    object[] values = [r.Ledger, r.Tenant, r.Position, r.Source, r.Seq, r.Type, r.OccurredAt.ToUnixTimeMilliseconds() * 1000, now, r.Payload];
                    for (var c = 0; c < Columns; c++)
                    {
                        command.Parameters[i * Columns + c].Value = values[c];
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
            if (full is not null)
            {
                await full.DisposeAsync();
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private SqliteCommand Prepare(int rowCount, SqliteTransaction transaction)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO ledger_entries (ledger, tenant, position, source, seq, type, occurred_at, recorded_at, payload) VALUES ");
        for (var i = 0; i < rowCount; i++)
        {
            sql.Append(i == 0 ? "(" : ",(");
            for (var c = 0; c < Columns; c++)
            {
                var name = $"$p{i}_{c}";
                sql.Append(c == 0 ? "" : ",").Append(name);
                command.Parameters.Add(new SqliteParameter(name, null));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
