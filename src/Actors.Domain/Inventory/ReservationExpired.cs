namespace Actors.Domain.Inventory;

/// <summary>The reservation outlived its TTL unconfirmed: reserved units go back to available.</summary>
public sealed record ReservationExpired(string ReservationId, DateTimeOffset At) : StockTransition
{
    /// <inheritdoc />
    public override string LedgerSource => ReservationKeys.Source(ReservationId);

    /// <inheritdoc />
    public override long LedgerSeq => ReservationKeys.SettledSeq;

    /// <inheritdoc />
    public override DateTimeOffset At { get; } = At;
}
