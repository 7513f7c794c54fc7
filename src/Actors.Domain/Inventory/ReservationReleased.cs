namespace Actors.Domain.Inventory;

/// <summary>The caller gave the reservation up: reserved units go back to available.</summary>
public sealed record ReservationReleased(string ReservationId, DateTimeOffset At) : StockTransition
{
    /// <inheritdoc />
    public override string LedgerSource => ReservationKeys.Source(ReservationId);

    /// <inheritdoc />
    public override long LedgerSeq => ReservationKeys.SettledSeq;

    /// <inheritdoc />
    public override DateTimeOffset At { get; } = At;
}
