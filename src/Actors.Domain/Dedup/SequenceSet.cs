namespace Actors.Domain.Dedup;

/// <summary>
/// The sequence numbers seen from one source: a contiguous high-water mark (every seq 1..HighWater was seen) plus the
/// seen numbers above it as sorted, disjoint, non-adjacent intervals. Producers may skip and reorder numbers, so the
/// intervals hold exactly the holes' neighbourhoods and stay small while holes are few.
/// </summary>
/// <remarks>
/// The set is bounded to <see cref="MaxIntervals"/> intervals. When a mark would exceed the bound, the lowest interval
/// is forgotten and <see cref="UncertainUpTo"/> remembers how far forgotten marks may reach: any seq in that range that
/// is not in the set answers <see cref="DedupVerdict.Unknown"/>, never a wrong <see cref="DedupVerdict.New"/>.
/// </remarks>
public sealed class SequenceSet
{
    /// <summary>The default bound on intervals per source.</summary>
    public const int DefaultMaxIntervals = 1024;

    // Ascending by Start; every Start > HighWater + 1 and each Start > previous End + 1 (gaps between runs are real holes).
    private readonly List<SequenceInterval> _intervals = [];

    /// <summary>Creates an empty set that keeps at most <paramref name="maxIntervals"/> intervals.</summary>
    public SequenceSet(int maxIntervals = DefaultMaxIntervals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIntervals);
        MaxIntervals = maxIntervals;
    }

    /// <summary>The most intervals kept above the high-water mark.</summary>
    public int MaxIntervals { get; }

    /// <summary>Every seq 1..HighWater was seen; 0 when seq 1 was not seen yet.</summary>
    public long HighWater { get; private set; }

    /// <summary>Seqs in (HighWater, UncertainUpTo] outside <see cref="Intervals"/> may have been seen and forgotten.</summary>
    public long UncertainUpTo { get; private set; }

    /// <summary>The seen runs above the high-water mark, ascending.</summary>
    public IReadOnlyList<SequenceInterval> Intervals => _intervals;

    /// <summary>Whether <paramref name="seq"/> was seen, was not, or can no longer be told from memory.</summary>
    public DedupVerdict Check(long seq)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seq, 1L);
        if (seq <= HighWater)
        {
            return DedupVerdict.Seen;
        }
        var above = FirstStartingAbove(seq);
        if (above > 0 && _intervals[above - 1].End >= seq)
        {
            return DedupVerdict.Seen;
        }
        return seq <= UncertainUpTo ? DedupVerdict.Unknown : DedupVerdict.New;
    }

    /// <summary>Records <paramref name="seq"/> as seen. Marking a seen seq again changes nothing.</summary>
    public void Mark(long seq)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seq, 1L);
        if (seq <= HighWater)
        {
            return;
        }
        var next = FirstStartingAbove(seq);
        var previous = next - 1;
        if (previous >= 0 && _intervals[previous].End >= seq)
        {
            return;
        }

        // previous.End < seq here, so End + 1 cannot overflow; next.Start > seq >= 1, so Start - 1 cannot either.
        var joinsPrevious = previous >= 0 && _intervals[previous].End + 1 == seq;
        var joinsNext = next < _intervals.Count && _intervals[next].Start - 1 == seq;
        if (joinsPrevious && joinsNext)
        {
            _intervals[previous] = new SequenceInterval(_intervals[previous].Start, _intervals[next].End);
            _intervals.RemoveAt(next);
        }
        else if (joinsPrevious)
        {
            _intervals[previous] = _intervals[previous] with { End = seq };
        }
        else if (joinsNext)
        {
            _intervals[next] = _intervals[next] with { Start = seq };
        }
        else
        {
            _intervals.Insert(next, new SequenceInterval(seq, seq));
        }

        AdvanceHighWater();
        ForgetBeyondBound();
    }

    /// <summary>The set as plain data; <see cref="FromSnapshot"/> restores it exactly.</summary>
    public SequenceSetSnapshot ToSnapshot() => new()
    {
        HighWater = HighWater,
        UncertainUpTo = UncertainUpTo,
        Intervals = [.. _intervals],
    };

    /// <summary>Restores a set saved by <see cref="ToSnapshot"/>.</summary>
    /// <exception cref="ArgumentException">when the snapshot breaks the set's invariants (it was not made by <see cref="ToSnapshot"/>).</exception>
    public static SequenceSet FromSnapshot(SequenceSetSnapshot snapshot, int maxIntervals = DefaultMaxIntervals)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.HighWater < 0 || snapshot.UncertainUpTo < 0)
        {
            throw new ArgumentException($"dedup snapshot has a negative mark (highWater {snapshot.HighWater}, uncertainUpTo {snapshot.UncertainUpTo}).", nameof(snapshot));
        }
        var set = new SequenceSet(maxIntervals)
        {
            HighWater = snapshot.HighWater,
            UncertainUpTo = snapshot.UncertainUpTo,
        };
        var floor = snapshot.HighWater + 1;
        foreach (var interval in snapshot.Intervals ?? [])
        {
            // A run must leave a real hole below it, otherwise it would have been merged or absorbed by the high-water mark.
            if (interval.Start > interval.End || interval.Start <= floor)
            {
                throw new ArgumentException($"dedup snapshot interval [{interval.Start}, {interval.End}] is out of order, overlapping or adjacent to the one below it.", nameof(snapshot));
            }
            set._intervals.Add(interval);
            floor = interval.End + 1;
        }

        // A smaller bound than the snapshot was taken with is honoured by forgetting, which stays safe.
        set.ForgetBeyondBound();
        return set;
    }

    // Index of the first interval whose Start is greater than seq (Count when none): binary search, O(log n).
    private int FirstStartingAbove(long seq)
    {
        var low = 0;
        var high = _intervals.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_intervals[middle].Start > seq)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }
        return low;
    }

    private void AdvanceHighWater()
    {
        // Runs are non-adjacent, so at most the lowest one can touch HighWater + 1.
        if (_intervals.Count > 0 && _intervals[0].Start == HighWater + 1)
        {
            HighWater = _intervals[0].End;
            _intervals.RemoveAt(0);
        }
    }

    private void ForgetBeyondBound()
    {
        while (_intervals.Count > MaxIntervals)
        {
            // The lowest run is the oldest hole's neighbour: the least likely to see another delivery.
            UncertainUpTo = Math.Max(UncertainUpTo, _intervals[0].End);
            _intervals.RemoveAt(0);
        }
    }
}
