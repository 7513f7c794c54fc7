namespace Actors.Cli.Demo;

/// <summary>The knobs of one retry-storm run; with the same seed the same events, prices and send order are generated.</summary>
public sealed record RetryStormSettings(
    string Tenant,
    int Accounts,
    int EventsPerAccount,
    int Duplicates,
    int Concurrency,
    int Seed,
    int MaxDelayMilliseconds)
{
    /// <summary>Most sends one run may plan, so that a typo cannot exhaust memory.</summary>
    public const long MaxSends = 10_000_000;

    /// <summary>Sends the run makes: every event <see cref="Duplicates"/> times.</summary>
    public long TotalSends => (long)Accounts * EventsPerAccount * Duplicates;
}
