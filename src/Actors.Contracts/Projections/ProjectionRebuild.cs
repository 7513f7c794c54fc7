namespace Actors.Contracts.Projections;

/// <summary>The latest rebuild of a projection its current owner ran: progress while it runs, its result afterwards.</summary>
/// <param name="Version">The version being built.</param>
/// <param name="State">Running, or how it ended.</param>
/// <param name="Reason">Why it runs: requested, a logic change, no version yet, or resuming an interrupted one.</param>
/// <param name="Replayed">Ledger rows replayed by this run (a resumed rebuild counts from where it resumed).</param>
/// <param name="Checkpoint">The global ledger position replayed to.</param>
/// <param name="Head">The ledger head the current pass replays to.</param>
/// <param name="StartedAt">When this run started.</param>
/// <param name="Elapsed">Time since the start, or the total time once it ended.</param>
/// <param name="Error">Why it failed, when it did.</param>
[GenerateSerializer, Immutable, Alias("projections.rebuild")]
public sealed record ProjectionRebuild(
    [property: Id(0)] int Version,
    [property: Id(1)] ProjectionRebuildState State,
    [property: Id(2)] string Reason,
    [property: Id(3)] long Replayed,
    [property: Id(4)] long Checkpoint,
    [property: Id(5)] long Head,
    [property: Id(6)] DateTimeOffset StartedAt,
    [property: Id(7)] TimeSpan Elapsed,
    [property: Id(8)] string? Error)
{
    /// <summary>Rows replayed per second of <see cref="Elapsed"/>.</summary>
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Replayed / Elapsed.TotalSeconds : 0;
}
