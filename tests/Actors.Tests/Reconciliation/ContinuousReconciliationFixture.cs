using Actors.Hosting;

namespace Actors.Tests.Reconciliation;

/// <summary>The reconciliation test silo with its continuous schedule on, at a test's pace (a timer every half second).</summary>
public sealed class ContinuousReconciliationFixture : ReconciliationSiloFixtureBase
{
    protected override void Configure(ActorsSiloOptions options)
    {
        base.Configure(options);
        options.Reconciliation.Continuous = true;
        options.Reconciliation.Period = TimeSpan.FromMilliseconds(500);
    }
}
