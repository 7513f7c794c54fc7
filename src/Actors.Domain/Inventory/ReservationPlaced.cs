namespace Actors.Domain.Inventory;

/// <summary><see cref="Quantity"/> available units move to reserved until <see cref="ExpiresAt"/>.</summary>
public sealed record ReservationPlaced(string ReservationId, long Quantity, DateTimeOffset ExpiresAt, DateTimeOffset At) : StockTransition
{
    /// <inheritdoc />
    public override string LedgerSource => ReservationKeys.Source(ReservationId);

    /// <inheritdoc />
    public override long LedgerSeq => ReservationKeys.PlacedSeq;

    /// <inheritdoc />
    public override DateTimeOffset At { get; } = At;
}
