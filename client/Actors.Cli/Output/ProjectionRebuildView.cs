using Actors.Contracts.Projections;

namespace Actors.Cli.Output;

/// <summary>A projection rebuild as the CLI prints it in JSON.</summary>
/// <param name="Version">The version built.</param>
/// <param name="State">running, succeeded, failed or interrupted.</param>
/// <param name="Reason">Why it ran.</param>
/// <param name="Events">Ledger rows replayed.</param>
/// <param name="Checkpoint">The position replayed to.</param>
/// <param name="Head">The ledger head it replays to.</param>
/// <param name="Seconds">Time since its start, or its total time once ended.</param>
/// <param name="EventsPerSecond">Rows replayed per second.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record ProjectionRebuildView(
    int Version,
    string State,
    string Reason,
    long Events,
    long Checkpoint,
    long Head,
    double Seconds,
    double EventsPerSecond,
    string? Error)
{
    /// <summary>The view of <paramref name="rebuild"/>.</summary>
    public static ProjectionRebuildView Of(ProjectionRebuild rebuild) => new(
        rebuild.Version, rebuild.State.ToString().ToLowerInvariant(), rebuild.Reason, rebuild.Replayed, rebuild.Checkpoint, rebuild.Head,
        Math.Round(rebuild.Elapsed.TotalSeconds, 3), Math.Round(rebuild.EventsPerSecond, 1), rebuild.Error);
}
