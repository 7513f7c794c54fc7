namespace Actors.Benchmarks;

/// <summary>One round of <c>rebuild</c>: the raw ordered scan and the full rebuild of the same ledger, back to back.</summary>
internal sealed record RebuildRound(long Events, double ScanSeconds, double RebuildSeconds)
{
    public double ScanEventsPerSecond => Events / ScanSeconds;

    public double RebuildEventsPerSecond => Events / RebuildSeconds;

    public double Ratio => RebuildEventsPerSecond / ScanEventsPerSecond;
}
