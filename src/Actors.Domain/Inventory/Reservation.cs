using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>A reservation as the state remembers it; kept after it settles so a retry gets the original answer.</summary>
public sealed record Reservation(string Id, long Quantity, DateTimeOffset ExpiresAt, ReservationStatus Status);
