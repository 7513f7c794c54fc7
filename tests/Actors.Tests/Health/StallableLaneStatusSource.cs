using Actors.Streaming.Lanes;

namespace Actors.Tests.Health;

/// <summary>
/// The silo's real lane status, except that while <see cref="LaneStall"/> is active the critical lane's partition 0 reports
/// messages waiting behind a committed position that never moves, as a consumer that stopped taking messages would.
/// </summary>
public sealed class StallableLaneStatusSource(ILaneStatusSource inner, LaneStall stall) : ILaneStatusSource
{
    private const long StuckAt = 1_000_000;

    public async Task<IReadOnlyList<LanePartitionStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var statuses = await inner.ReadAsync(cancellationToken);
        if (!stall.Active)
        {
            return statuses;
        }
        return statuses
            .Select(s => s.Lane == LaneNames.Critical && s.Partition == 0 ? s with { Pending = s.Pending + 3, Committed = StuckAt } : s)
            .ToList();
    }
}
