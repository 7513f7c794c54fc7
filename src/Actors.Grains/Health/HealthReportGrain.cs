using Actors.Contracts.Health;
using Orleans.Runtime;

namespace Actors.Grains.Health;

/// <summary>
/// Keeps the latest health report of each silo and answers the cluster's health: a silo counts while it is active in the
/// membership table and its report has not expired, so a killed silo drops out without anyone deregistering it.
/// </summary>
public sealed class HealthReportGrain(TimeProvider time) : Grain, IHealthReportGrain
{
    private readonly Dictionary<string, (SiloHealthReport Report, DateTimeOffset ReceivedAt)> _latest = new(StringComparer.Ordinal);

    public Task Report(SiloHealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Expiry is judged by this grain's clock at receipt, so clock skew between silos cannot keep a dead report alive.
        _latest[report.Silo] = (report, time.GetUtcNow());
        return Task.CompletedTask;
    }

    public async Task<ClusterHealthReport> GetStatus()
    {
        var now = time.GetUtcNow();
        var active = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var activeSilos = active.Keys.Select(a => a.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var (silo, entry) in _latest.ToList())
        {
            if (!activeSilos.Contains(silo) || entry.ReceivedAt + entry.Report.ValidFor < now)
            {
                _latest.Remove(silo);
            }
        }
        return ClusterHealth.Combine(_latest.Values.Select(e => e.Report).ToList(), now);
    }
}
