namespace Actors.Contracts.Events;

/// <summary>Operations on the lanes: inspect and replay their dead-letter queues.</summary>
[Alias("events.lane-admin")]
public interface ILaneAdminGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <paramref name="max"/> dead letters of <paramref name="lane"/> (<c>critical</c> | <c>bulk</c>), oldest first.</summary>
    [Alias("dead-letters")]
    Task<List<DeadLetterInfo>> ListDeadLetters(string lane, int max);

    /// <summary>
    /// Re-enqueues dead letters of <paramref name="lane"/> through the ingress: the one with <paramref name="id"/>, or up to
    /// <paramref name="max"/> oldest. Safe to repeat: consumers deduplicate, so a replayed event takes effect at most once.
    /// </summary>
    [Alias("replay")]
    Task<ReplayResult> ReplayDeadLetters(string lane, long? id, int max);

    /// <summary>Every partition of both lanes, cluster-wide: lag, committed position, delivered total and the lane's DLQ depth.</summary>
    [Alias("status")]
    Task<List<LaneStatusRow>> GetStatus();
}
