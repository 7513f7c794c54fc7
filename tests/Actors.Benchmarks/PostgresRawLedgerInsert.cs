using Npgsql;
using NpgsqlTypes;

namespace Actors.Benchmarks;

/// <summary>Baseline on the cluster profile's PostgreSQL: one multi-row INSERT (from arrays) per transaction.</summary>
internal sealed class PostgresRawLedgerInsert(string connectionString) : IRawLedgerInsert
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task InsertAsync(IReadOnlyList<RawRow> rows, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in rows.Chunk(batchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO ledger_entries (ledger, tenant, position, source, seq, type, occurred_at, payload)
                SELECT * FROM unnest(@ledger, @tenant, @position, @source, @seq, @type, @occurred, @payload)
                """, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("ledger", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = chunk.Select(r => r.Ledger).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = chunk.Select(r => r.Tenant).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("position", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = chunk.Select(r => r.Position).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("source", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = chunk.Select(r => r.Source).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = chunk.Select(r => r.Seq).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = chunk.Select(r => r.Type).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = chunk.Select(r => r.OccurredAt.UtcDateTime).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = chunk.Select(r => r.Payload).ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
