using Xunit;

namespace Actors.IntegrationTests.Ledger;

/// <summary>
/// Tests that read the process-wide <c>Actors</c> meter run alone, after the parallel tests, so no other writer's
/// measurements mix into theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LedgerMetricsCollection
{
    public const string Name = "ledger metrics";
}
