namespace Actors.Grains;

/// <summary>Tuning of the entity grains.</summary>
public sealed class ActorsGrainOptions
{
    /// <summary>Grain storage provider name every entity grain uses for its snapshot.</summary>
    public const string StorageName = "actors";

    /// <summary>
    /// Write a snapshot after this many new ledger rows. Activation replays at most this many rows after the snapshot,
    /// so activation cost stays bounded while snapshot writes stay rare compared with appends.
    /// </summary>
    public int SnapshotEvery { get; set; } = 200;

    /// <summary>Rows read per query while replaying a ledger tail on activation.</summary>
    public int ReplayPageSize { get; set; } = 1000;
}
