using Orleans;

namespace Actors.Client.Connection;

/// <summary>
/// Keeps retrying the initial cluster connection (a silo that is still starting is worth waiting for) until the
/// connect deadline, then lets the last failure surface. Without a filter Orleans gives up at the first failure;
/// with an unconditional one it would wait forever.
/// </summary>
internal sealed class DeadlineConnectionRetryFilter(TimeProvider time, DateTimeOffset deadline, TimeSpan delay)
    : IClientConnectionRetryFilter
{
    /// <summary>The most recent failed attempt, reported when connecting gives up.</summary>
    public Exception? LastFailure { get; private set; }

    /// <summary>How many attempts failed so far.</summary>
    public int FailedAttempts { get; private set; }

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LastFailure = exception;
        FailedAttempts++;
        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var pause = remaining < delay ? remaining : delay;
        await Task.Delay(pause, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !cancellationToken.IsCancellationRequested && time.GetUtcNow() < deadline;
    }
}
