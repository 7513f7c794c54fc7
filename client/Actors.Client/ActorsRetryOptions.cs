namespace Actors.Client;

/// <summary>
/// How calls are retried after a transient failure (gateway lost, silo unavailable, timeout). Every retry sends the
/// same event with the same <c>(source, seq)</c>, so the cluster answers a repeat as a duplicate and a retry can never
/// charge twice.
/// </summary>
public sealed class ActorsRetryOptions
{
    /// <summary>Retries after the first attempt; 0 disables retrying. Default 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; later retries back off exponentially, with jitter. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one back-off delay. Default 5 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
