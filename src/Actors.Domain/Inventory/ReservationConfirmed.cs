namespace Actors.Domain.Inventory;

/// <summary>Reserved units move to committed.</summary>
public sealed record ReservationConfirmed(string ReservationId, DateTimeOffset At) : StockTransition
{
    /// <inheritdoc />
    public override string LedgerSource => ReservationKeys.Source(ReservationId);

    /// <inheritdoc />
    public override long LedgerSeq => ReservationKeys.SettledSeq;

    /// <inheritdoc />
    public override DateTimeOffset At { get; } = At;
}
