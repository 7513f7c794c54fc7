using Actors.Contracts.Projections;
using Actors.Ledger.Projections;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Hosting.Projections;

/// <summary>
/// Silo start-up of the projections: creates the projection store's schema right after the ledger's (idempotent, so every
/// silo does it on every start), then, once the silo is active, activates each projection's owner grain. Only one
/// activation exists in the cluster; the other silos' calls reach it wherever it lives.
/// </summary>
internal sealed class ProjectionStartup(
    IBalancesProjectionStore store,
    IGrainFactory grains,
    ProjectionKeepAlive keepAlive,
    ILogger<ProjectionStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    // StorageStartup runs at First; the projection store comes right after it, before any grain can be called.
    private const int StoreStage = ServiceLifecycleStage.First + 1;

    public void Participate(ISiloLifecycle lifecycle)
    {
        lifecycle.Subscribe($"{nameof(ProjectionStartup)}.Store", StoreStage, InitializeStoreAsync);
        lifecycle.Subscribe($"{nameof(ProjectionStartup)}.Owners", ServiceLifecycleStage.Active, StartOwnersAsync);
    }

    private Task InitializeStoreAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    private async Task StartOwnersAsync(CancellationToken cancellationToken)
    {
        foreach (var name in ProjectionNames.All)
        {
            var status = await grains.GetGrain<IProjectionGrain>(name).Start().WaitAsync(cancellationToken);
            if (keepAlive.ByReminder)
            {
                await grains.GetGrain<IProjectionKeepAliveGrain>(name).Keep().WaitAsync(cancellationToken);
            }
            logger.LogInformation("Projection {Projection}: version {Version}, checkpoint {Checkpoint}, lag {Lag}; {Note}.",
                name, status.Version, status.Checkpoint, status.Lag, status.Note);
        }
    }
}
