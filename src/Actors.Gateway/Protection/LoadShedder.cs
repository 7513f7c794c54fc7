using System.Threading.RateLimiting;
using Actors.Gateway.Configuration;

namespace Actors.Gateway.Protection;

/// <summary>
/// Caps the requests in flight to the cluster with one concurrency limiter per <see cref="TrafficClass"/>. Bulk has its
/// own, smaller pool, so when the cluster slows down bulk requests pile up against their cap and are answered 503 while
/// critical requests still find free permits in theirs. No queueing: a shed request is answered at once with Retry-After.
/// </summary>
public sealed class LoadShedder : IDisposable
{
    private readonly ConcurrencyLimiter _critical;
    private readonly ConcurrencyLimiter _bulk;

    /// <param name="options">The pools' sizes.</param>
    public LoadShedder(GatewaySheddingOptions options)
    {
        _critical = Limiter(options.CriticalConcurrency);
        _bulk = Limiter(options.BulkConcurrency);
        RetryAfter = TimeSpan.FromSeconds(options.RetryAfterSeconds);
    }

    /// <summary>What a shed request is told to wait.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>A permit for one request of <paramref name="traffic"/>; dispose it when the cluster answered. Check <see cref="RateLimitLease.IsAcquired"/>.</summary>
    public RateLimitLease TryEnter(TrafficClass traffic) => (traffic == TrafficClass.Bulk ? _bulk : _critical).AttemptAcquire();

    /// <summary>Releases both limiters.</summary>
    public void Dispose()
    {
        _critical.Dispose();
        _bulk.Dispose();
    }

    private static ConcurrencyLimiter Limiter(int permits) =>
        new(new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });
}
