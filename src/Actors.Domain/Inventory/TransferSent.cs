using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary><see cref="Quantity"/> units leave <see cref="Bucket"/> for in transit, bound for shard <see cref="ToShard"/>.</summary>
public sealed record TransferSent(string TransferId, int ToShard, StockBucket Bucket, long Quantity, DateTimeOffset At) : StockTransition
{
    /// <inheritdoc />
    public override string LedgerSource => TransferKeys.Source(TransferId);

    /// <inheritdoc />
    public override long LedgerSeq => TransferKeys.FirstSeq;

    /// <inheritdoc />
    public override DateTimeOffset At { get; } = At;
}
