namespace Actors.Fulfillment;

/// <summary>One line of an order.</summary>
/// <param name="Sku">The stock-keeping unit ordered.</param>
/// <param name="Quantity">Units ordered, at least 1.</param>
public sealed record OrderLine(string Sku, int Quantity);
