namespace Actors.Contracts.Inventory;

/// <summary>
/// The answer to a reservation call: the reservation as it stands after the call, whether the call was a repeat that
/// changed nothing (<see cref="Duplicate"/>; <see cref="Status"/> is then the reservation's current status, which may have
/// moved on since the original call), and the SKU-location's snapshot after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("inventory.reservation-outcome")]
public sealed record ReservationOutcome(
    [property: Id(0)] string ReservationId,
    [property: Id(1)] ReservationStatus Status,
    [property: Id(2)] long Quantity,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] bool Duplicate,
    [property: Id(5)] StockSnapshot Snapshot);
