using Actors.Client.Resilience;
using Actors.Contracts.Health;
using Polly;

namespace Actors.Client.Health;

/// <summary>
/// The cluster's health: every active silo's latest evaluation of its indicators (error rate, critical-lane latency, lane
/// backlog age, DLQ growth, duplicate rate, projection lag and rebuild time, reconciliation mismatch rate) against their
/// thresholds, and the worst of them. Silos report every few seconds (<c>Actors:Health:Interval</c>).
/// </summary>
/// <remarks>Reads change nothing and are retried on transient failures; <see cref="ClusterUnavailableException"/> when they still fail.</remarks>
public sealed class HealthClient
{
    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;

    internal HealthClient(IGrainFactory grains, ResiliencePipeline retry, Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
    }

    /// <summary>The cluster's health: status (worst silo wins), reasons, the worst reading per indicator, and each silo's report.</summary>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The report; <see cref="HealthState.Unhealthy"/> with no silos when none has reported yet.</returns>
    public Task<ClusterHealthReport> GetStatusAsync(CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(_grains.GetGrain<IHealthReportGrain>(IHealthReportGrain.ClusterKey), 0, static (g, _) => g.GetStatus(), cancellationToken);
}
