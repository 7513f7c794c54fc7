namespace Actors.Domain.Lanes;

/// <summary>The two type-aware lanes. Each has its own queues and pulling agents, so a bulk flood cannot delay critical events.</summary>
public enum Lane
{
    /// <summary>Money, stock commitments, security alerts, lifecycle: small batches, short poll period.</summary>
    Critical,

    /// <summary>Metered usage, telemetry, pings, logs: large batches, bounded in-flight work.</summary>
    Bulk,
}
