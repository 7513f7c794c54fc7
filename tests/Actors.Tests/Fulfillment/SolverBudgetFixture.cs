namespace Actors.Tests.Fulfillment;

/// <summary>A budget far above what the test network needs, so CP-SAT always proves its plan optimal.</summary>
public sealed class SolverBudgetFixture() : FulfillmentCluster(TimeSpan.FromSeconds(5));
