using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.Cli.Chaos;

/// <summary>
/// Starts operations at a steady rate and sends each until the SDK acknowledges it: a call that fails transiently (its
/// silo was killed) is sent again with the very same keys, so it can apply at most once. When the load time is over,
/// no new operations start, and the ones without an answer are retried until the drain deadline.
/// </summary>
public sealed class ChaosLoadGenerator(
    Func<ChaosOperation, int, CancellationToken, Task<Acknowledgement>> send,
    Func<Exception, bool> isTransient,
    ChaosWorkload workload,
    AcknowledgementLog log)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<long, ChaosOperation> _inFlight = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private long _started;
    private long _acknowledged;
    private long _retries;
    private long _skipped;

    /// <summary>Operations started so far.</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Operations acknowledged so far.</summary>
    public long AcknowledgedCount => Interlocked.Read(ref _acknowledged);

    /// <summary>Calls without an answer right now.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>
    /// Drives <paramref name="operationsPerSecond"/> for <paramref name="duration"/> with at most <paramref name="maxInFlight"/>
    /// calls open, then retries the open ones for up to <paramref name="drainTimeout"/>.
    /// </summary>
    public async Task<ChaosLoadTally> RunAsync(
        int operationsPerSecond, TimeSpan duration, int maxInFlight, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var calls = new List<Task>();
        var clock = Stopwatch.StartNew();
        using (var ticks = new PeriodicTimer(Tick))
        {
            long due = 0;
            while (clock.Elapsed < duration && await ticks.WaitForNextTickAsync(cancellationToken))
            {
                var shouldHaveStarted = (long)(Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds) * operationsPerSecond);
                for (; due < shouldHaveStarted; due++)
                {
                    if (_inFlight.Count >= maxInFlight)
                    {
                        Interlocked.Increment(ref _skipped);
                        continue;
                    }
                    var operation = workload.Next();
                    _inFlight[operation.Id] = operation;
                    Interlocked.Increment(ref _started);
                    calls.Add(SendUntilAcknowledgedAsync(operation, drain.Token));
                }
                calls.RemoveAll(t => t.IsCompleted);
            }
        }
        var loadSeconds = clock.Elapsed.TotalSeconds;
        drain.CancelAfter(drainTimeout);
        await Task.WhenAll(calls);
        cancellationToken.ThrowIfCancellationRequested();
        return new ChaosLoadTally(Started, AcknowledgedCount, Interlocked.Read(ref _retries), Interlocked.Read(ref _skipped), loadSeconds,
            [.. _inFlight.Values.OrderBy(o => o.Id)], [.. _failures]);
    }

    private async Task SendUntilAcknowledgedAsync(ChaosOperation operation, CancellationToken stop)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; !stop.IsCancellationRequested; attempt++)
        {
            if (attempt > 1)
            {
                Interlocked.Increment(ref _retries);
            }
            try
            {
                var acknowledgement = await send(operation, attempt, stop);
                log.Add(acknowledgement);
                workload.Acknowledged(acknowledgement);
                Interlocked.Increment(ref _acknowledged);
                _inFlight.TryRemove(operation.Id, out _);
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run is over: the operation stays in flight and is reported unresolved.
                return;
            }
            catch (Exception failure) when (isTransient(failure))
            {
                // No answer means no knowledge: the same keys go out again after a pause, until acknowledged.
                try
                {
                    await Task.Delay(delay, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (Exception failure)
            {
                _failures.Enqueue($"{operation.Key} (op {operation.Id}): {failure.GetType().Name}: {failure.Message}");
                _inFlight.TryRemove(operation.Id, out _);
                return;
            }
        }
    }
}
