namespace Actors.Domain.Dedup;

/// <summary>The persisted form of one <see cref="SequenceSet"/>; plain data for System.Text.Json.</summary>
public sealed record SequenceSetSnapshot
{
    /// <summary>Every sequence number 1..HighWater was seen.</summary>
    public long HighWater { get; init; }

    /// <summary>Sequence numbers in (HighWater, UncertainUpTo] that are not in <see cref="Intervals"/> answer Unknown.</summary>
    public long UncertainUpTo { get; init; }

    /// <summary>Seen runs above HighWater + 1, ascending, disjoint and non-adjacent.</summary>
    public List<SequenceInterval> Intervals { get; init; } = [];
}
