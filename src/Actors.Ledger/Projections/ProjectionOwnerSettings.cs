namespace Actors.Ledger.Projections;

/// <summary>How a projection's owner batches its work.</summary>
/// <param name="BatchSize">Ledger rows per transaction while tailing.</param>
/// <param name="RebuildBatchSize">Ledger rows folded into one transaction while rebuilding.</param>
/// <param name="TailBudget">
/// Longest one tailing pass keeps catching up before it returns (the next pass continues), so a large backlog never
/// holds the owner's status and rebuild requests for long.
/// </param>
public sealed record ProjectionOwnerSettings(int BatchSize, int RebuildBatchSize, TimeSpan TailBudget)
{
    /// <summary>Tailing batches of 1000 rows, rebuild transactions of 250,000 rows, one-second tailing passes.</summary>
    public static ProjectionOwnerSettings Default { get; } =
        new(ProjectionRunner.DefaultBatchSize, ProjectionRunner.DefaultRebuildBatchSize, TimeSpan.FromSeconds(1));
}
