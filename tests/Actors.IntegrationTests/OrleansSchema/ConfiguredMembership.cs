using System.Reflection;
using Orleans.TestingHost;

namespace Actors.IntegrationTests.OrleansSchema;

/// <summary>
/// Makes an <see cref="InProcessTestCluster"/> use the membership table its silos configure (here ADO.NET on
/// PostgreSQL) instead of its built-in in-process one.
/// </summary>
/// <remarks>
/// InProcessTestCluster registers its own IMembershipTable after the test's silo configuration, which silently wins
/// over UseAdoNetClustering. The switch that turns this off (InProcessTestClusterOptions.UseTestClusterMembership) is
/// internal in Orleans.TestingHost 10.4.2, visible only to Orleans' own test assemblies, so it is set by reflection and
/// fails loudly if a later Orleans renames it.
/// </remarks>
public static class ConfiguredMembership
{
    private const string SwitchName = "UseTestClusterMembership";

    public static InProcessTestClusterBuilder UseConfiguredMembership(this InProcessTestClusterBuilder builder)
    {
        var property = typeof(InProcessTestClusterOptions).GetProperty(SwitchName, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException(
                $"{nameof(InProcessTestClusterOptions)}.{SwitchName} no longer exists in this Orleans.TestingHost; " +
                "find the new way to let silos use their own membership table.");
        property.SetValue(builder.Options, false);
        return builder;
    }
}
