namespace Actors.Domain.Inventory;

/// <summary>Return the units of every held reservation whose expiry is at or before <see cref="Now"/>.</summary>
public sealed record ExpireReservations(DateTimeOffset Now);
