namespace Actors.Grains;

/// <summary>The grain state of an entity grain: only a snapshot of its decider state, as JSON; the ledger holds the rest.</summary>
public interface ISnapshotState
{
    /// <summary>The decider state at some ledger version, or null before the first snapshot.</summary>
    string? SnapshotJson { get; set; }
}
