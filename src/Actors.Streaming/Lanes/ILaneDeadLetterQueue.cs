using Actors.Contracts.Events;

namespace Actors.Streaming.Lanes;

/// <summary>
/// Each lane's dead-letter queue (a SQLite table for embedded lanes, a DLQ topic for Kafka). Consumers put permanent
/// failures here (invalid payload, conflict) at once; the adapters put events here whose delivery failed N times.
/// Either way the partition keeps flowing.
/// </summary>
public interface ILaneDeadLetterQueue
{
    /// <summary>Durably records <paramref name="envelope"/> as dead on <paramref name="lane"/> with <paramref name="reason"/>.</summary>
    Task AddAsync(string lane, EventEnvelope envelope, string reason, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> dead letters of <paramref name="lane"/>, oldest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string lane, int max, CancellationToken cancellationToken);

    /// <summary>How many dead letters <paramref name="lane"/> holds.</summary>
    Task<long> CountAsync(string lane, CancellationToken cancellationToken);

    /// <summary>Removes a dead letter after it was replayed; false when it was not there.</summary>
    Task<bool> RemoveAsync(string lane, long id, CancellationToken cancellationToken);
}
