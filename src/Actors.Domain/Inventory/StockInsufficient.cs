using Actors.Contracts.Inventory;

namespace Actors.Domain.Inventory;

/// <summary>Fewer than <see cref="Requested"/> units are available; <see cref="Current"/> is what the caller may retry against.</summary>
public sealed record StockInsufficient(long Requested, StockSnapshot Current) : StockDecision;
