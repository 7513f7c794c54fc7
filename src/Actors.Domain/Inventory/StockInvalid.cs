namespace Actors.Domain.Inventory;

/// <summary>Malformed input or a transition the stock's current state forbids; nothing is written.</summary>
public sealed record StockInvalid(string Reason) : StockDecision;
