namespace Actors.Domain.Inventory;

/// <summary>Give a held reservation's units back to available.</summary>
public sealed record ReleaseReservation(string ReservationId, DateTimeOffset Now);
