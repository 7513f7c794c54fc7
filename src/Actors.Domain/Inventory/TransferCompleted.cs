namespace Actors.Domain.Inventory;

/// <summary>The recipient holds a sent transfer's units: they leave the sender's books (in transit drops).</summary>
public sealed record TransferCompleted(string TransferId, DateTimeOffset At) : StockTransition
{
    /// <inheritdoc />
    public override string LedgerSource => TransferKeys.Source(TransferId);

    /// <inheritdoc />
    public override long LedgerSeq => TransferKeys.CompletedSeq;

    /// <inheritdoc />
    public override DateTimeOffset At { get; } = At;
}
