using Actors.Streaming.Lanes;

namespace Actors.Hosting.Health;

/// <summary>
/// Dead letters added over the recent window, from successive readings of the DLQ depths: the sum of every increase
/// between two readings, so replays (which shrink the queue) do not hide new dead letters.
/// </summary>
/// <param name="window">How far back increases count.</param>
public sealed class DeadLetterGrowth(TimeSpan window)
{
    private readonly List<(DateTimeOffset At, string Lane, long Added)> _increases = [];
    private Dictionary<string, long>? _lastDepths;

    /// <summary>Takes a reading of the lanes' DLQ depths at <paramref name="now"/>; returns dead letters added per lane over the window.</summary>
    public IReadOnlyDictionary<string, long> Observe(IReadOnlyList<LanePartitionStatus> statuses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        // The depth is the lane's total, repeated on each of its partitions.
        var depths = statuses.GroupBy(s => s.Lane, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(s => s.DeadLetters), StringComparer.Ordinal);
        if (_lastDepths is not null)
        {
            foreach (var (lane, depth) in depths)
            {
                var added = depth - _lastDepths.GetValueOrDefault(lane);
                if (added > 0)
                {
                    _increases.Add((now, lane, added));
                }
            }
        }
        _lastDepths = depths;
        _increases.RemoveAll(i => i.At <= now - window);
        return depths.Keys.ToDictionary(
            lane => lane,
            lane => _increases.Where(i => i.Lane == lane).Sum(i => i.Added),
            StringComparer.Ordinal);
    }
}
