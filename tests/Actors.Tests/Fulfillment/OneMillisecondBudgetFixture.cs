namespace Actors.Tests.Fulfillment;

/// <summary>A 1 ms budget: too short for CP-SAT, so the greedy heuristic must decide.</summary>
public sealed class OneMillisecondBudgetFixture() : FulfillmentCluster(TimeSpan.FromMilliseconds(1));
