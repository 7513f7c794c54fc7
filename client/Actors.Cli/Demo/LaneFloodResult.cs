namespace Actors.Cli.Demo;

/// <summary>What a flood run measured: every critical event's end-to-end latency, and the bulk events sent and committed.</summary>
public sealed record LaneFloodResult(DateTimeOffset StartedAt, IReadOnlyList<CriticalLatency> Critical, int BulkSent, int BulkCommitted, DateTimeOffset LastBulkCommit)
{
    public double Percentile(double p) => Percentile(Critical.Select(c => c.Milliseconds), p);

    /// <summary>Bulk events committed per second, from the start of the run to the last bulk commit.</summary>
    public double BulkPerSecond => BulkCommitted == 0 ? 0 : BulkCommitted / Math.Max(0.001, (LastBulkCommit - StartedAt).TotalSeconds);

    /// <summary>Critical latency percentiles per second of the run (by publish time), to show them while the flood was on.</summary>
    public IReadOnlyList<(int Second, int Count, double P50, double P99)> PerSecond() =>
        Critical.GroupBy(c => (int)(c.PublishedAt - StartedAt).TotalSeconds)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), Percentile(g.Select(c => c.Milliseconds), 50), Percentile(g.Select(c => c.Milliseconds), 99)))
            .ToList();

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
