namespace Actors.Domain.Inventory;

/// <summary>The idempotency key was used for something else: the original stands, the caller gets a conflict error.</summary>
public sealed record StockConflict(string Reason) : StockDecision;
