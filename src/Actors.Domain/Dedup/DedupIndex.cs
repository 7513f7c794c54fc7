namespace Actors.Domain.Dedup;

/// <summary>
/// The dedup marks of one entity: a <see cref="SequenceSet"/> per source. Derived from the ledger, so it can always be
/// rebuilt; a source it has never seen answers <see cref="DedupVerdict.New"/>.
/// </summary>
public sealed class DedupIndex
{
    private readonly Dictionary<string, SequenceSet> _sources = new(StringComparer.Ordinal);

    /// <summary>Creates an empty index whose sets keep at most <paramref name="maxIntervals"/> intervals each.</summary>
    public DedupIndex(int maxIntervals = SequenceSet.DefaultMaxIntervals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIntervals);
        MaxIntervals = maxIntervals;
    }

    /// <summary>The bound on intervals per source.</summary>
    public int MaxIntervals { get; }

    /// <summary>How many sources have marks.</summary>
    public int Count => _sources.Count;

    /// <summary>Whether <c>(source, seq)</c> was seen, was not, or can no longer be told from memory.</summary>
    public DedupVerdict Check(string source, long seq)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        return _sources.TryGetValue(source, out var set) ? set.Check(seq) : NewFor(seq);
    }

    /// <summary>Records <c>(source, seq)</c> as seen; idempotent.</summary>
    public void Mark(string source, long seq)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (!_sources.TryGetValue(source, out var set))
        {
            set = new SequenceSet(MaxIntervals);
            _sources.Add(source, set);
        }
        set.Mark(seq);
    }

    /// <summary>The marks of <paramref name="source"/>, or null when it has none.</summary>
    public SequenceSet? Find(string source) => _sources.GetValueOrDefault(source);

    /// <summary>The index as plain data, sources in ordinal order so equal indexes serialise identically.</summary>
    public DedupSnapshot ToSnapshot()
    {
        var sources = new Dictionary<string, SequenceSetSnapshot>(StringComparer.Ordinal);
        foreach (var (source, set) in _sources.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            sources.Add(source, set.ToSnapshot());
        }
        return new DedupSnapshot { MaxIntervals = MaxIntervals, Sources = sources };
    }

    /// <summary>Restores an index saved by <see cref="ToSnapshot"/>.</summary>
    /// <exception cref="ArgumentException">when the snapshot is not one <see cref="ToSnapshot"/> could have made.</exception>
    public static DedupIndex FromSnapshot(DedupSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var index = new DedupIndex(snapshot.MaxIntervals);
        foreach (var (source, set) in snapshot.Sources ?? [])
        {
            if (string.IsNullOrEmpty(source))
            {
                throw new ArgumentException("dedup snapshot has an empty source name.", nameof(snapshot));
            }
            index._sources.Add(source, SequenceSet.FromSnapshot(set, snapshot.MaxIntervals));
        }
        return index;
    }

    private static DedupVerdict NewFor(long seq)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seq, 1L);
        return DedupVerdict.New;
    }
}
