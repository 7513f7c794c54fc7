using Actors.Hosting;
using Actors.Tests.Clusters;

namespace Actors.Tests.Cli;

/// <summary>A gateway silo for the security CLI tests; nothing beyond the defaults (no price plans: nothing is invoiced).</summary>
public sealed class SecuritySiloFixture : GatewaySiloFixture
{
    protected override IEnumerable<(string File, string Json)> PricePlans() => [];

    protected override void Configure(ActorsSiloOptions options)
    {
    }
}
