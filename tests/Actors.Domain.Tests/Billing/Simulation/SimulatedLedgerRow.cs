namespace Actors.Domain.Tests.Billing.Simulation;

/// <summary>One committed row of the simulated ledger.</summary>
internal sealed record SimulatedLedgerRow(long Position, string Source, long Seq, string Type, string Payload);
