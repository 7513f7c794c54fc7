namespace Actors.Cli.Demo;

/// <summary>One critical event: when its publish call started and when its ledger row committed (same machine, same clock).</summary>
public sealed record CriticalLatency(DateTimeOffset PublishedAt, DateTimeOffset CommittedAt)
{
    public double Milliseconds => (CommittedAt - PublishedAt).TotalMilliseconds;
}
