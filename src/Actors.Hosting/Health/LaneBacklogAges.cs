using Actors.Streaming.Lanes;

namespace Actors.Hosting.Health;

/// <summary>
/// The age of each lane's oldest unprocessed message. Where the adapter reports the enqueue time of a partition's oldest
/// pending message (embedded lanes) the age is exactly now minus that time. Otherwise (Kafka) it is observed from successive
/// readings: a partition's head (its committed position with messages pending) has waited at least since the first reading
/// that showed it waiting.
/// </summary>
/// <remarks>
/// The observed age is exact for a consumer that stopped taking messages to within one evaluation interval, but restarts
/// from zero whenever the consumer acknowledges anything, so on Kafka a slowly moving backlog reads younger than it is (its
/// growth shows in the lane's pending count).
/// </remarks>
public sealed class LaneBacklogAges
{
    private readonly Dictionary<(string Lane, int Partition), (long Committed, DateTimeOffset Since)> _waiting = [];

    /// <summary>Takes a reading of every partition at <paramref name="now"/> and returns each lane's backlog age.</summary>
    public IReadOnlyDictionary<string, LaneBacklogAge> Observe(IReadOnlyList<LanePartitionStatus> statuses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var seen = new HashSet<(string, int)>();
        var ages = new Dictionary<string, LaneBacklogAge>(StringComparer.Ordinal);
        foreach (var status in statuses)
        {
            var key = (status.Lane, status.Partition);
            seen.Add(key);
            var age = 0.0;
            if (status.Pending <= 0)
            {
                _waiting.Remove(key);
            }
            else if (status.OldestEnqueuedAt is { } enqueued)
            {
                _waiting.Remove(key);
                age = Math.Max(0, (now - enqueued).TotalSeconds);
            }
            else if (_waiting.TryGetValue(key, out var head) && head.Committed == status.Committed)
            {
                age = Math.Max(0, (now - head.Since).TotalSeconds);
            }
            else
            {
                _waiting[key] = (status.Committed, now);
            }
            var pending = Math.Max(0, status.Pending);
            ages[status.Lane] = ages.TryGetValue(status.Lane, out var lane)
                ? lane with
                {
                    Pending = lane.Pending + pending,
                    Seconds = Math.Max(lane.Seconds, age),
                    Partition = age > lane.Seconds || (lane.Partition is null && pending > 0) ? status.Partition : lane.Partition,
                }
                : new LaneBacklogAge(status.Lane, age, pending, pending > 0 ? status.Partition : null);
        }
        foreach (var gone in _waiting.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _waiting.Remove(gone);
        }
        return ages;
    }
}
