namespace Actors.Streaming.Embedded;

/// <summary>
/// Tells the embedded lanes that the silo is stopping, before their pulling agents are stopped. An agent that stops while
/// it is retrying a failed delivery hands that message to the failure handler as if its retries were spent; with this
/// signal the handler leaves such a message in the queue for redelivery instead of dead-lettering it.
/// </summary>
internal sealed class LaneStopSignal : ILifecycleParticipant<ISiloLifecycle>
{
    // Stream providers stop their agents in the Active stage; later stages stop first.
    private const int Stage = ServiceLifecycleStage.Active + 1;

    private volatile bool _stopping;

    /// <summary>True once the silo began stopping.</summary>
    public bool IsStopping => _stopping;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LaneStopSignal), Stage, _ => Task.CompletedTask, _ =>
        {
            _stopping = true;
            return Task.CompletedTask;
        });
}
