namespace Actors.Contracts.Health;

/// <summary>
/// Collects the health reports every silo pushes every few seconds and answers the cluster's health from them. One per
/// cluster, keyed <see cref="ClusterKey"/>; it keeps reports in memory only, because every silo sends a fresh one within
/// its report interval, so a re-activated grain is complete again after one interval.
/// </summary>
[Alias("health.report")]
public interface IHealthReportGrain : IGrainWithStringKey
{
    /// <summary>The key of the cluster's one health grain.</summary>
    const string ClusterKey = "cluster";

    /// <summary>Stores <paramref name="report"/> as the latest of its silo.</summary>
    [Alias("report")]
    Task Report(SiloHealthReport report);

    /// <summary>The latest report of every active silo whose report has not expired, and the worst of them.</summary>
    [Alias("status")]
    Task<ClusterHealthReport> GetStatus();
}
