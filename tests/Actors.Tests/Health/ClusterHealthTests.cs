using Actors.Contracts.Health;
using Actors.Grains.Health;

namespace Actors.Tests.Health;

/// <summary>The cluster's report from its silos': the worst state wins, for the status and for each indicator.</summary>
public sealed class ClusterHealthTests
{
    [Fact]
    public void The_worst_silo_sets_the_status_and_each_indicator_shows_its_worst_reading()
    {
        var a = HealthReports.Silo("silo-a", HealthState.Degraded,
            HealthReports.Indicator(HealthIndicatorNames.ErrorRate, 2, HealthState.Degraded),
            HealthReports.Indicator(HealthIndicatorNames.DuplicateRate, 0.5, HealthState.Healthy));
        var b = HealthReports.Silo("silo-b", HealthState.Healthy,
            HealthReports.Indicator(HealthIndicatorNames.ErrorRate, 0.2, HealthState.Healthy),
            HealthReports.Indicator(HealthIndicatorNames.DuplicateRate, 0.9, HealthState.Healthy));

        var cluster = ClusterHealth.Combine([b, a], HealthReports.At);

        Assert.Equal(HealthState.Degraded, cluster.Status);
        Assert.Equal(["silo-a", "silo-b"], cluster.Silos.Select(s => s.SiloName));
        Assert.Equal(["silo-a: error-rate over"], cluster.Reasons);
        Assert.Equal((2.0, HealthState.Degraded), (cluster.Indicators[0].Value, cluster.Indicators[0].State));
        Assert.Equal(HealthIndicatorNames.DuplicateRate, cluster.Indicators[1].Name);
        Assert.Equal(0.9, cluster.Indicators[1].Value);
    }

    [Fact]
    public void One_unhealthy_silo_makes_the_cluster_unhealthy()
    {
        var cluster = ClusterHealth.Combine(
            [HealthReports.Silo("a", HealthState.Healthy), HealthReports.Silo("b", HealthState.Unhealthy), HealthReports.Silo("c", HealthState.Degraded)],
            HealthReports.At);

        Assert.Equal(HealthState.Unhealthy, cluster.Status);
    }

    [Fact]
    public void No_silo_reporting_is_unhealthy_and_says_so()
    {
        var cluster = ClusterHealth.Combine([], HealthReports.At);

        Assert.Equal(HealthState.Unhealthy, cluster.Status);
        Assert.Equal(["no active silo has reported its health yet"], cluster.Reasons);
        Assert.Empty(cluster.Silos);
    }
}
