namespace Actors.Domain.Dedup;

/// <summary>An inclusive run of seen sequence numbers, <c>Start ≤ End</c>.</summary>
public readonly record struct SequenceInterval(long Start, long End)
{
    /// <summary>True when <paramref name="seq"/> lies within the run.</summary>
    public bool Contains(long seq) => seq >= Start && seq <= End;
}
