namespace Actors.Domain.Inventory;

/// <summary>Confirm or release of a reservation id this SKU-location never placed; nothing to do, nothing written.</summary>
public sealed record StockUnknownReservation(string ReservationId) : StockDecision;
