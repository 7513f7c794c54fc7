namespace Actors.Cli.Chaos;

/// <summary>The verifier's verdict on a run.</summary>
/// <param name="EventsAcknowledged">Distinct operations (by idempotency key) the SDK acknowledged as applied.</param>
/// <param name="Lost">Acknowledged events the cluster does not have (must be 0).</param>
/// <param name="AppliedTwice">Events the cluster applied more than once (must be 0).</param>
/// <param name="DuplicatesSent">Deliberate re-sends of acknowledged calls.</param>
/// <param name="DuplicatesAnswered">Deliberate re-sends answered <c>duplicate: true</c>.</param>
/// <param name="RetriedDuplicates">Calls retried after a failure that the cluster answered as duplicates (the failed attempt had applied).</param>
/// <param name="Checks">Every invariant checked.</param>
public sealed record ChaosVerification(
    long EventsAcknowledged,
    long Lost,
    long AppliedTwice,
    long DuplicatesSent,
    long DuplicatesAnswered,
    long RetriedDuplicates,
    IReadOnlyList<ChaosCheck> Checks)
{
    /// <summary>Nothing lost, nothing doubled, every check held.</summary>
    public bool Passed => Lost == 0 && AppliedTwice == 0 && Checks.All(c => c.Passed);
}
