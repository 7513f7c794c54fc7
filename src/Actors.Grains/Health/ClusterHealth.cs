using Actors.Contracts.Health;

namespace Actors.Grains.Health;

/// <summary>Combines silo reports into the cluster's: the worst state wins, for the status and for each indicator.</summary>
public static class ClusterHealth
{
    /// <summary>The cluster report of <paramref name="silos"/>; with no silo at all it is unhealthy (nothing is known to serve).</summary>
    public static ClusterHealthReport Combine(IReadOnlyList<SiloHealthReport> silos, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(silos);
        var ordered = silos.OrderBy(s => s.SiloName, StringComparer.Ordinal).ThenBy(s => s.Silo, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return new ClusterHealthReport(HealthState.Unhealthy, ["no active silo has reported its health yet"], [], [], readAt);
        }
        var status = ordered.Max(s => s.Status);
        var reasons = ordered.SelectMany(s => s.Reasons.Select(r => $"{s.SiloName}: {r}")).ToList();
        var order = HealthIndicatorNames.All.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var indicators = ordered
            .SelectMany(s => s.Indicators)
            .GroupBy(i => i.Name, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(i => i.State).ThenByDescending(i => i.Value).First())
            .OrderBy(i => order.TryGetValue(i.Name, out var index) ? index : int.MaxValue)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        return new ClusterHealthReport(status, reasons, indicators, ordered, readAt);
    }
}
