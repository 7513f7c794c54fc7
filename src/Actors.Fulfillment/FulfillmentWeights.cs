namespace Actors.Fulfillment;

/// <summary>How the objective trades lateness and split shipments against shipping cost (all in minor currency units).</summary>
/// <param name="LatenessPenaltyPerUnitDay">Penalty per unit per day that its delivery exceeds the order's promise.</param>
/// <param name="SplitPenalty">Penalty per location used beyond the first (each extra location is an extra shipment).</param>
public sealed record FulfillmentWeights(long LatenessPenaltyPerUnitDay, long SplitPenalty);
