namespace Actors.Gateway.Configuration;

/// <summary>
/// The <c>Gateway:Shedding</c> section: requests in flight to the cluster, per traffic class. Bulk traffic (usage,
/// telemetry, pings) has its own, smaller pool, so a bulk flood is answered 503 while critical traffic keeps its pool.
/// </summary>
public sealed class GatewaySheddingOptions
{
    /// <summary>Critical requests (payments, stock, orders, alerts, reads) in flight at once. Default 256.</summary>
    public int CriticalConcurrency { get; set; } = 256;

    /// <summary>Bulk requests in flight at once. Default 64.</summary>
    public int BulkConcurrency { get; set; } = 64;

    /// <summary>The <c>Retry-After</c> of a shed request, in seconds. Default 1.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (CriticalConcurrency < 1 || BulkConcurrency < 1)
        {
            throw new InvalidOperationException(
                $"Gateway:Shedding: CriticalConcurrency and BulkConcurrency must be positive (were {CriticalConcurrency}, {BulkConcurrency}).");
        }
        if (RetryAfterSeconds < 1)
        {
            throw new InvalidOperationException($"Gateway:Shedding:RetryAfterSeconds must be positive (was {RetryAfterSeconds}).");
        }
    }
}
