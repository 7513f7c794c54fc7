namespace Actors.Streaming.Lanes;

/// <summary>
/// Reads where every partition of every lane stands, cluster-wide (not only the partitions this silo pulls), for
/// <c>actors lanes status</c>. Each lane adapter registers one as a singleton.
/// </summary>
public interface ILaneStatusSource
{
    /// <summary>One reading per partition of <see cref="LaneNames.Critical"/> and <see cref="LaneNames.Bulk"/>, ordered by lane and partition.</summary>
    Task<IReadOnlyList<LanePartitionStatus>> ReadAsync(CancellationToken cancellationToken);
}
