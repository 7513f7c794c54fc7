namespace Actors.Tests.Reconciliation;

/// <summary>The reconciliation test silo with no continuous schedule: only the tests start runs.</summary>
public sealed class ReconciliationClusterFixture : ReconciliationSiloFixtureBase;
