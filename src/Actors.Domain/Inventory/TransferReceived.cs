using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary><see cref="Quantity"/> units sent by shard <see cref="FromShard"/> arrive in <see cref="Bucket"/>.</summary>
public sealed record TransferReceived(string TransferId, int FromShard, StockBucket Bucket, long Quantity, DateTimeOffset At) : StockTransition
{
    /// <inheritdoc />
    public override string LedgerSource => TransferKeys.Source(TransferId);

    /// <inheritdoc />
    public override long LedgerSeq => TransferKeys.FirstSeq;

    /// <inheritdoc />
    public override DateTimeOffset At { get; } = At;
}
