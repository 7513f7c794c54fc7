namespace Actors.Fulfillment;

/// <summary>The locations an order can be shipped from and the weights that price a plan.</summary>
/// <param name="Locations">Every location; ids must be unique.</param>
/// <param name="Weights">The lateness and split penalties.</param>
public sealed record FulfillmentNetwork(IReadOnlyList<FulfillmentLocation> Locations, FulfillmentWeights Weights);
