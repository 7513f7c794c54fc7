namespace Actors.Benchmarks;

/// <summary>
/// The baseline: the same rows written straight into the same database and table with batched multi-row INSERTs, no
/// grains, no dedup, no network hop. It is what the storage alone can do with the same durability settings.
/// </summary>
internal interface IRawLedgerInsert : IAsyncDisposable
{
    /// <summary>Inserts <paramref name="rows"/> in transactions of <paramref name="batchSize"/> rows.</summary>
    Task InsertAsync(IReadOnlyList<RawRow> rows, int batchSize, CancellationToken cancellationToken);
}

/// <summary>One ledger row of the baseline, the same shape the account grain appends.</summary>
internal sealed record RawRow(string Ledger, string Tenant, long Position, string Source, long Seq, string Type, DateTimeOffset OccurredAt, string Payload);
