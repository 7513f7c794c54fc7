namespace Actors.Domain.Dedup;

/// <summary>The persisted form of a <see cref="DedupIndex"/>; plain data for System.Text.Json.</summary>
public sealed record DedupSnapshot
{
    /// <summary>The bound on intervals per source that the index was built with.</summary>
    public int MaxIntervals { get; init; } = SequenceSet.DefaultMaxIntervals;

    /// <summary>One entry per source, keyed by source name.</summary>
    public Dictionary<string, SequenceSetSnapshot> Sources { get; init; } = new(StringComparer.Ordinal);
}
