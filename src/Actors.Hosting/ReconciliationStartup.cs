using Actors.Grains.Reconciliation;
using Actors.Ledger.Reconciliation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>Creates the result store's schema before the silo takes calls, and starts the schedule once it is active.</summary>
internal sealed class ReconciliationStartup(
    IReconciliationStore store,
    IGrainFactory grains,
    IOptions<ReconciliationOptions> settings,
    ILogger<ReconciliationStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        // After StorageStartup (First), which creates the data directory.
        lifecycle.Subscribe(nameof(ReconciliationStartup), ServiceLifecycleStage.RuntimeInitialize, store.InitializeAsync);
        lifecycle.Subscribe(nameof(ReconciliationStartup), ServiceLifecycleStage.Active, StartScheduleAsync);
    }

    private async Task StartScheduleAsync(CancellationToken cancellationToken)
    {
        if (!settings.Value.Continuous)
        {
            logger.LogInformation("Continuous reconciliation is off (Actors:Reconciliation:Continuous=false); runs start on demand only.");
            return;
        }
        await grains.GetGrain<IReconciliationSchedulerGrain>(0).Ensure();
        logger.LogInformation("Continuous reconciliation every {Period} ({Schedule}).", settings.Value.Period,
            settings.Value.DurableSchedule ? "reminder" : "timer");
    }
}
