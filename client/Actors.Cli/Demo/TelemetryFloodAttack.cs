namespace Actors.Cli.Demo;

/// <summary>
/// One planted attack: the principal whose failed logins form it, when the publish call of its last telemetry event started,
/// and when a client first saw the security case it opened (null: not seen before the deadline). Same machine, same clock.
/// </summary>
public sealed record TelemetryFloodAttack(int Number, string Principal, DateTimeOffset PublishedAt, DateTimeOffset? DetectedAt)
{
    /// <summary>Whether the attack's case was seen.</summary>
    public bool Detected => DetectedAt is not null;

    /// <summary>Detection latency in milliseconds (telemetry published to case visible), or null when not detected.</summary>
    public double? Milliseconds => DetectedAt is { } detected ? (detected - PublishedAt).TotalMilliseconds : null;
}
