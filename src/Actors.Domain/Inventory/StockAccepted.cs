namespace Actors.Domain.Inventory;

/// <summary>
/// Append <see cref="Transitions"/> to the ledger in order, then apply each with <see cref="StockDecider.Apply"/>.
/// Empty when there is nothing to do (an expiry sweep that found no overdue reservation).
/// </summary>
public sealed record StockAccepted(IReadOnlyList<StockTransition> Transitions) : StockDecision;
