using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>
/// True while the silo is in its <c>Active</c> lifecycle stage: storage initialised, joined the cluster, accepting calls.
/// Health endpoints answer from it so a load balancer never routes to a silo that is still starting or already stopping.
/// </summary>
public sealed class SiloReadiness : ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool _ready;

    /// <summary>Whether the silo currently accepts work.</summary>
    public bool IsReady => _ready;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloReadiness), ServiceLifecycleStage.Active,
            _ => { _ready = true; return Task.CompletedTask; },
            _ => { _ready = false; return Task.CompletedTask; });
}
