using System.Text.Json.Serialization;

namespace Actors.Cli.Demo;

/// <summary>Expected versus actual after a retry storm. <see cref="Ok"/> only when nothing was lost or charged twice.</summary>
public sealed record RetryStormReport(
    string Tenant,
    int Seed,
    int Accounts,
    int EventsPerAccount,
    int Duplicates,
    int Concurrency,
    long Sends,
    long FailedSends,
    long DuplicatesAnswered,
    long ExpectedDuplicates,
    long ExpectedEvents,
    long ActualEvents,
    long ExpectedTotalMinor,
    long ActualTotalMinor,
    int MismatchedAccounts,
    int DoubleChargedAccounts,
    long DoubleChargeExcessMinor,
    double ElapsedSeconds,
    double SendsPerSecond,
    double EventsPerSecond,
    string? FirstFailure)
{
    /// <summary>Every balance equals the expected one, nothing was charged twice, and every send got an answer.</summary>
    [JsonPropertyOrder(-1)]
    public bool Ok => MismatchedAccounts == 0 && DoubleChargedAccounts == 0 && FailedSends == 0;
}
