using System.Text;
using Microsoft.Data.Sqlite;

namespace Actors.Benchmarks;

/// <summary>Baseline on the local profile's ledger file, with the store's durability settings (WAL, synchronous=FULL).</summary>
internal sealed class SqliteRawLedgerInsert(string databasePath) : IRawLedgerInsert
{
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
        foreach (var chunk in rows.Chunk(batchSize))
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            // SQLite allows 32766 parameters per statement: split a large batch into statements inside the one transaction.
            foreach (var statement in chunk.Chunk(32_000 / Columns))
            {
                await using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                var sql = new StringBuilder("INSERT INTO ledger_entries (ledger, tenant, position, source, seq, type, occurred_at, recorded_at, payload) VALUES ");
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
                for (var i = 0; i < statement.Length; i++)
                {
                    var r = statement[i];
                    sql.Append(i == 0 ? "" : ",").Append($"($l{i},$t{i},$p{i},$s{i},$q{i},$y{i},$o{i},$r{i},$d{i})");
                    command.Parameters.AddWithValue($"$l{i}", r.Ledger);
                    command.Parameters.AddWithValue($"$t{i}", r.Tenant);
                    command.Parameters.AddWithValue($"$p{i}", r.Position);
                    command.Parameters.AddWithValue($"$s{i}", r.Source);
                    command.Parameters.AddWithValue($"$q{i}", r.Seq);
                    command.Parameters.AddWithValue($"$y{i}", r.Type);
                    command.Parameters.AddWithValue($"$o{i}", r.OccurredAt.ToUnixTimeMilliseconds() * 1000);
                    command.Parameters.AddWithValue($"$r{i}", now);
                    command.Parameters.AddWithValue($"$d{i}", r.Payload);
                }
                command.CommandText = sql.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
