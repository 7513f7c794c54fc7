using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Streaming.Embedded;

/// <summary>
/// Tells the lanes (embedded and Kafka) that the silo is stopping, before their pulling agents are stopped, and drains them:
/// <list type="number">
/// <item>Receivers stop pulling new batches: what they would read now could not be delivered before the agents stop, and
/// would only be delivered again by the partition's next reader.</item>
/// <item>The signal waits (up to <see cref="DrainTimeout"/>) until every receiver has settled what it already read: the
/// agents, still running, finish the deliveries under way and report them, and the receivers acknowledge them (delete from
/// <c>lanes.db</c>, commit the Kafka offset). What is still unsettled at the timeout stays queued and is redelivered;
/// consumers absorb it as a duplicate.</item>
/// </list>
/// An agent that stops while it is retrying a failed delivery hands that message to the failure handler as if its retries
/// were spent; with this signal the handler leaves such a message in the queue for redelivery instead of dead-lettering it.
/// </summary>
internal sealed class LaneStopSignal : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How long a stopping silo waits for its lanes' in-flight deliveries by default.</summary>
    public static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(10);

    // Stream providers stop their agents in the Active stage; later stages stop first.
    private const int Stage = ServiceLifecycleStage.Active + 1;
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(25);

    private readonly ConcurrentDictionary<object, Func<int>> _receivers = new(ReferenceEqualityComparer.Instance);
    private readonly ILogger _logger;
    private volatile bool _stopping;

    public LaneStopSignal(ILogger<LaneStopSignal>? logger = null) => _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>True once the silo began stopping: receivers return no new messages.</summary>
    public bool IsStopping => _stopping;

    /// <summary>The longest the silo waits for in-flight deliveries to settle.</summary>
    public TimeSpan DrainTimeout { get; init; } = DefaultDrainTimeout;

    /// <summary>
    /// A receiver takes part in the drain while it reads: <paramref name="unsettled"/> counts the messages it read and has not
    /// acknowledged yet. Dispose the result when the receiver shuts down.
    /// </summary>
    public IDisposable Track(object receiver, Func<int> unsettled)
    {
        _receivers[receiver] = unsettled;
        return new Registration(this, receiver);
    }

    /// <summary>Messages read and not yet settled, over every receiver of this silo.</summary>
    public int Unsettled => _receivers.Values.Sum(count => count());

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LaneStopSignal), Stage, _ => Task.CompletedTask, DrainAsync);

    /// <summary>Stops pulling and waits until what was read is settled, <see cref="DrainTimeout"/> or the silo's stop token.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var started = TimeProvider.System.GetTimestamp();
        var unsettled = Unsettled;
        while (unsettled > 0 && TimeProvider.System.GetElapsedTime(started) < DrainTimeout && !cancellationToken.IsCancellationRequested)
        {
            // The settling happens on the pulling agents' own timers; this only watches for it to finish.
            await Task.Delay(DrainPoll, CancellationToken.None);
            unsettled = Unsettled;
        }
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        if (unsettled == 0)
        {
            _logger.LogInformation("Lanes drained in {Elapsed} ms: every message read by this silo is delivered and acknowledged.", (int)elapsed.TotalMilliseconds);
        }
        else
        {
            _logger.LogWarning(
                "Lanes not drained after {Elapsed} ms: {Unsettled} message(s) read by this silo stay queued and will be redelivered (consumers absorb them as duplicates).",
                (int)elapsed.TotalMilliseconds, unsettled);
        }
    }

    private sealed class Registration(LaneStopSignal signal, object receiver) : IDisposable
    {
        public void Dispose() => signal._receivers.TryRemove(receiver, out _);
    }
}
