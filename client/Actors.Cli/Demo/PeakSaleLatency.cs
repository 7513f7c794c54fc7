namespace Actors.Cli.Demo;

/// <summary>Percentiles of checkout latencies, nearest-rank (the value below which the given share of calls finished).</summary>
public static class PeakSaleLatency
{
    /// <summary>The <paramref name="percentile"/> (0 to 100) of <paramref name="milliseconds"/>; 0 when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> milliseconds, double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (milliseconds.Count == 0)
        {
            return 0;
        }
        var sorted = milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
