namespace Actors.Contracts.Health;

/// <summary>How well a silo or the cluster is doing; ordered, so the worst of several is their maximum.</summary>
[GenerateSerializer, Alias("health.state")]
public enum HealthState
{
    /// <summary>Every indicator is below its degraded threshold.</summary>
    Healthy = 0,

    /// <summary>An indicator reached its degraded threshold (or could not be read): still serving, needs attention.</summary>
    Degraded = 1,

    /// <summary>An indicator reached its unhealthy threshold: load balancers should stop routing here.</summary>
    Unhealthy = 2,
}
