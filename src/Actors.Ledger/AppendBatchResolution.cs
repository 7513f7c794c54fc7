namespace Actors.Ledger;

/// <summary>
/// Turns what one append transaction did into one <see cref="AppendResult"/> per input row, the same way for every store.
/// A store inserts the batch with <c>ON CONFLICT DO NOTHING</c>, reports the rows the database returned as inserted, and
/// asks for the rest (<see cref="UnresolvedKeys"/>) in the same transaction. A row that was not inserted is a
/// <see cref="AppendStatus.Duplicate"/> of the row holding its idempotency key if there is one — including a row inserted
/// earlier in the same batch — and a <see cref="AppendStatus.PositionConflict"/> otherwise.
/// </summary>
internal sealed class AppendBatchResolution
{
    private readonly IReadOnlyList<LedgerAppend> _batch;
    private readonly AppendResult?[] _results;

    // Several input rows may share (key, position): a retry inside one batch. The database inserts rows in batch order,
    // so only the first of them can have been the one inserted.
    private readonly Dictionary<(IdempotencyKey Key, long Position), int> _firstIndexByRow;
    private readonly Dictionary<IdempotencyKey, LedgerEntry> _committedByKey = [];
    private int _unresolved;

    public AppendBatchResolution(IReadOnlyList<LedgerAppend> batch)
    {
        _batch = batch;
        _results = new AppendResult?[batch.Count];
        _unresolved = batch.Count;
        _firstIndexByRow = new Dictionary<(IdempotencyKey, long), int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            _firstIndexByRow.TryAdd((IdempotencyKey.Of(batch[i]), batch[i].Position), i);
        }
    }

    /// <summary>The database returned this row as inserted by the batch.</summary>
    public void Inserted(string ledger, string source, long seq, long position, long globalPosition, DateTimeOffset recordedAt)
    {
        var key = new IdempotencyKey(ledger, source, seq);
        if (!_firstIndexByRow.TryGetValue((key, position), out var index) || _results[index] is not null)
        {
            throw new InvalidOperationException(
                $"The database reported an inserted row ({ledger}, {source}, {seq}) at position {position} that the batch did not contain once.");
        }
        var append = _batch[index];
        var entry = new LedgerEntry(globalPosition, append.Ledger, append.Tenant, append.Position, append.Source, append.Seq,
            append.Type, LedgerTimestamp.Normalize(append.OccurredAt), recordedAt, append.Payload);
        _results[index] = new AppendResult(AppendStatus.Appended, entry);
        _committedByKey[key] = entry;
        _unresolved--;
    }

    /// <summary>
    /// Answers the rows that were not inserted but whose key the batch itself inserted, and returns the distinct keys of
    /// the rows still open: the store looks them up (in the same transaction) and reports them with <see cref="Existing"/>.
    /// </summary>
    public IReadOnlyList<IdempotencyKey> UnresolvedKeys()
    {
        var open = new List<IdempotencyKey>();
        if (_unresolved == 0)
        {
            return open;
        }
        var seen = new HashSet<IdempotencyKey>();
        for (var i = 0; i < _results.Length; i++)
        {
            if (_results[i] is not null)
            {
                continue;
            }
            var key = IdempotencyKey.Of(_batch[i]);
            if (_committedByKey.TryGetValue(key, out var original))
            {
                _results[i] = new AppendResult(AppendStatus.Duplicate, original);
                _unresolved--;
            }
            else if (seen.Add(key))
            {
                open.Add(key);
            }
        }
        return open;
    }

    /// <summary>A committed row holding one of the <see cref="UnresolvedKeys"/>.</summary>
    public void Existing(LedgerEntry entry) => _committedByKey[IdempotencyKey.Of(entry)] = entry;

    /// <summary>One result per input row, in input order; rows whose key exists nowhere lost their position to another event.</summary>
    public IReadOnlyList<AppendResult> Results()
    {
        var results = new AppendResult[_results.Length];
        for (var i = 0; i < _results.Length; i++)
        {
            results[i] = _results[i]
                ?? (_committedByKey.TryGetValue(IdempotencyKey.Of(_batch[i]), out var original)
                    ? new AppendResult(AppendStatus.Duplicate, original)
                    : new AppendResult(AppendStatus.PositionConflict, null));
        }
        return results;
    }
}
