namespace Actors.Domain.Detection;

/// <summary>
/// The sliding event-time window of one rule for one group. It keeps the matching events of the last two windows, sorted
/// by time, and fires for the earliest span of <see cref="DetectionRule.Window"/> that reaches the threshold among events
/// after the last fired span, so a sustained attack fires once per window instead of on every event.
/// </summary>
/// <remarks>
/// Out-of-order events are counted while they are at most one window older than the newest event seen; older ones are
/// refused as too late. Events are forgotten once two windows older than the newest, so a forgotten event, if redelivered,
/// is always too late: a redelivery can never count twice.
/// </remarks>
public sealed class GroupWindow(DetectionRule rule, string group)
{
    private readonly List<TelemetryHit> _hits = [];
    private readonly HashSet<(string Source, long Seq)> _keys = [];
    private DateTimeOffset? _newest;
    private DateTimeOffset _firedThrough = DateTimeOffset.MinValue;

    /// <summary>Matching events held (for tests and sizing).</summary>
    public int Held => _hits.Count;

    /// <summary>Counts <paramref name="hit"/> and says whether the rule fires now.</summary>
    public WindowOutcome Observe(TelemetryHit hit, out RuleFiring? detection)
    {
        detection = null;
        if (_newest is { } newest && hit.OccurredAt < newest - rule.Window)
        {
            return WindowOutcome.TooLate;
        }
        if (!_keys.Add((hit.Source, hit.Seq)))
        {
            return WindowOutcome.Duplicate;
        }
        var at = _hits.BinarySearch(hit, TelemetryHitOrder.Instance);
        _hits.Insert(at < 0 ? ~at : at, hit);
        _newest = _newest is { } previous && previous > hit.OccurredAt ? previous : hit.OccurredAt;
        Forget(_newest.Value - rule.Window - rule.Window);
        detection = Evaluate();
        return WindowOutcome.Counted;
    }

    private void Forget(DateTimeOffset before)
    {
        var stale = 0;
        while (stale < _hits.Count && _hits[stale].OccurredAt < before)
        {
            _keys.Remove((_hits[stale].Source, _hits[stale].Seq));
            stale++;
        }
        _hits.RemoveRange(0, stale);
    }

    // Two pointers over the hits after the last fired span: [start, end] is the span beginning at hits[start].
    private RuleFiring? Evaluate()
    {
        var first = 0;
        while (first < _hits.Count && _hits[first].OccurredAt <= _firedThrough)
        {
            first++;
        }
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        var end = first;
        for (var start = first; start < _hits.Count; start++)
        {
            var limit = _hits[start].OccurredAt + rule.Window;
            while (end < _hits.Count && _hits[end].OccurredAt <= limit)
            {
                values[_hits[end].Value] = values.GetValueOrDefault(_hits[end].Value) + 1;
                end++;
            }
            if (values.Count >= rule.Threshold)
            {
                var opener = _hits[start];
                _firedThrough = limit;
                return new RuleFiring(rule, group, opener.Principal, opener.Host, opener.OccurredAt, values.Count);
            }
            var leaving = _hits[start].Value;
            if (--values[leaving] == 0)
            {
                values.Remove(leaving);
            }
        }
        return null;
    }
}
