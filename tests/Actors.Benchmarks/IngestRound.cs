namespace Actors.Benchmarks;

/// <summary>The figures of one round: the SDK path and its raw baseline, measured back to back.</summary>
internal sealed record IngestRound(double SdkEventsPerSecond, double P50Milliseconds, double P99Milliseconds, double RawEventsPerSecond)
{
    public double Ratio => SdkEventsPerSecond / RawEventsPerSecond;
}
