namespace Actors.Domain.Inventory;

/// <summary>Hold <see cref="Quantity"/> available units for <see cref="Ttl"/>; <see cref="ReservationId"/> is the idempotency key.</summary>
public sealed record ReserveStock(string ReservationId, long Quantity, TimeSpan Ttl, DateTimeOffset Now);
