namespace Actors.Domain.Inventory;

/// <summary>Commit a held reservation's units for shipment.</summary>
public sealed record ConfirmReservation(string ReservationId, DateTimeOffset Now);
