using Actors.Contracts.Health;

namespace Actors.Cli.Commands;

/// <summary>
/// The exit codes of <c>actors status</c>, beside <see cref="ExitCodes"/>: scripts and probes branch on the cluster's
/// health without parsing the output. Unreachable cluster and bad arguments keep their usual codes (3, 2).
/// </summary>
public static class StatusExitCodes
{
    /// <summary>Every reporting silo is healthy.</summary>
    public const int Healthy = ExitCodes.Ok;

    /// <summary>At least one indicator of one silo is degraded (and none unhealthy).</summary>
    public const int Degraded = 10;

    /// <summary>At least one indicator of one silo is unhealthy, or no silo has reported its health.</summary>
    public const int Unhealthy = 11;

    /// <summary>The exit code for <paramref name="status"/>.</summary>
    public static int Of(HealthState status) => status switch
    {
        HealthState.Healthy => Healthy,
        HealthState.Degraded => Degraded,
        _ => Unhealthy,
    };
}
