namespace Actors.Domain.Detection;

/// <summary>Orders hits by event time, then by key, so a window's contents, and so its first event, never depend on arrival order.</summary>
internal sealed class TelemetryHitOrder : IComparer<TelemetryHit>
{
    public static readonly TelemetryHitOrder Instance = new();

    public int Compare(TelemetryHit x, TelemetryHit y)
    {
        var byTime = x.OccurredAt.CompareTo(y.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }
        var bySource = string.CompareOrdinal(x.Source, y.Source);
        return bySource != 0 ? bySource : x.Seq.CompareTo(y.Seq);
    }
}
