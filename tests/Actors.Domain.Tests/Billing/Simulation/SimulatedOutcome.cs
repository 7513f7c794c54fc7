namespace Actors.Domain.Tests.Billing.Simulation;

/// <summary>The simulated grain's answer and the ledger position it refers to (the original row for duplicates and conflicts).</summary>
internal sealed record SimulatedOutcome(SimulatedOutcomeKind Kind, long Position);
