namespace Actors.Cli.Chaos;

/// <summary>The outcome of a chaos run, as printed (and as the <c>--json</c> document).</summary>
/// <param name="Tenant">The tenant the load ran on.</param>
/// <param name="Database">The run's PostgreSQL database.</param>
/// <param name="ClusterId">The run's Orleans cluster id.</param>
/// <param name="Seed">The seed, to replay the run.</param>
/// <param name="Silos">Silo processes.</param>
/// <param name="TargetOpsPerSecond">The load asked for.</param>
/// <param name="AchievedOpsPerSecond">Acknowledged operations per second of load.</param>
/// <param name="LoadSeconds">How long the load ran.</param>
/// <param name="OperationsStarted">Operations started.</param>
/// <param name="Retries">Attempts after a transient failure.</param>
/// <param name="Skipped">Operations not started because too many calls were already open (the cluster could not keep up).</param>
/// <param name="Unresolved">Operations with no answer at the end.</param>
/// <param name="KillsSurvived">SIGKILLs after which the silo came back and the load went on.</param>
/// <param name="Kills">Every kill.</param>
/// <param name="EventsAcknowledged">Distinct events acknowledged as applied.</param>
/// <param name="Lost">Acknowledged events missing (must be 0).</param>
/// <param name="AppliedTwice">Events applied more than once (must be 0).</param>
/// <param name="DuplicatesSent">Deliberate duplicates sent.</param>
/// <param name="DuplicatesAnswered">Deliberate duplicates answered as duplicates.</param>
/// <param name="RetriedDuplicates">Retries that found their first attempt had applied.</param>
/// <param name="Checks">Every invariant checked.</param>
/// <param name="AcknowledgementLog">The JSONL file of acknowledgements.</param>
public sealed record ChaosReport(
    string Tenant,
    string Database,
    string ClusterId,
    int Seed,
    int Silos,
    int TargetOpsPerSecond,
    double AchievedOpsPerSecond,
    double LoadSeconds,
    long OperationsStarted,
    long Retries,
    long Skipped,
    int Unresolved,
    int KillsSurvived,
    IReadOnlyList<ChaosKill> Kills,
    long EventsAcknowledged,
    long Lost,
    long AppliedTwice,
    long DuplicatesSent,
    long DuplicatesAnswered,
    long RetriedDuplicates,
    IReadOnlyList<ChaosCheck> Checks,
    string AcknowledgementLog)
{
    /// <summary>Nothing lost, nothing applied twice, every check held.</summary>
    public bool Passed => Lost == 0 && AppliedTwice == 0 && Checks.All(c => c.Passed);
}
