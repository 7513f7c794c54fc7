using System.Diagnostics;
using Actors.Client;
using Actors.Client.Billing;

namespace Actors.Cli.Demo;

/// <summary>
/// Sends a plan's events the way a misbehaving producer fleet would: each one several times, out of order, after
/// random pauses, many at once. Each send is an ordinary SDK call, so SDK retries add to the storm.
/// </summary>
public sealed class RetryStormSender(BillingClient billing)
{
    /// <summary>
    /// Sends every planned send with at most <see cref="RetryStormSettings.Concurrency"/> in flight.
    /// A send that fails is counted and the storm goes on; an unreachable cluster stops it.
    /// </summary>
    /// <exception cref="ClusterUnavailableException">when the cluster stops answering.</exception>
    public async Task<SendTally> SendAsync(RetryStormPlan plan, Action onSent, CancellationToken cancellationToken)
    {
        long sends = 0, duplicates = 0, failed = 0;
        string? firstFailure = null;
        var tenant = plan.Settings.Tenant;
        var watch = Stopwatch.StartNew();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = plan.Settings.Concurrency,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(plan.Sends, parallel, async (send, token) =>
        {
            if (send.DelayMilliseconds > 0)
            {
                // Simulated network jitter between a producer's retries, not a wait for a condition.
                await Task.Delay(send.DelayMilliseconds, token);
            }

            var planned = plan.Events[send.EventIndex];
            try
            {
                var outcome = await billing.RecordAsync(tenant, planned.Account, planned.Event, token);
                if (outcome.Duplicate)
                {
                    Interlocked.Increment(ref duplicates);
                }
            }
            catch (Exception failure) when (failure is not (ClusterUnavailableException or OperationCanceledException))
            {
                // Counted and reported: one bad send must not hide what the rest of the storm shows.
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstFailure, $"{failure.GetType().Name}: {failure.Message}", null);
            }
            Interlocked.Increment(ref sends);
            onSent();
        });
        return new SendTally(sends, duplicates, failed, firstFailure, watch.Elapsed);
    }
}
