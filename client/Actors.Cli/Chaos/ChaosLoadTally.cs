namespace Actors.Cli.Chaos;

/// <summary>What the load generator did: operations started and answered, retries, and the calls that never got an answer.</summary>
/// <param name="Started">Operations started (deliberate duplicates included).</param>
/// <param name="Acknowledged">Operations the SDK acknowledged (refused reservations included).</param>
/// <param name="Retries">Attempts beyond the first (each after a transient failure).</param>
/// <param name="Skipped">Operations not started because <see cref="ChaosSettings.MaxInFlight"/> calls were already in flight.</param>
/// <param name="LoadSeconds">Seconds the load ran.</param>
/// <param name="Unresolved">Operations still without an answer when the run ended: each may or may not have applied.</param>
/// <param name="Failures">Operations that got a definite error (never expected: each is a defect).</param>
public sealed record ChaosLoadTally(
    long Started,
    long Acknowledged,
    long Retries,
    long Skipped,
    double LoadSeconds,
    IReadOnlyList<ChaosOperation> Unresolved,
    IReadOnlyList<string> Failures)
{
    /// <summary>Acknowledged operations per second of load.</summary>
    public double AcknowledgedPerSecond => LoadSeconds > 0 ? Acknowledged / LoadSeconds : 0;
}
