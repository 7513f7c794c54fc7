using Actors.Ledger;
using Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Shutdown;

/// <summary>
/// Flushes the silo's <see cref="GroupCommitLedgerWriter"/> while the silo stops: every append already queued is written and
/// acknowledged to its grain (so the grain's caller gets its answer), and later appends are refused with a retriable error.
/// </summary>
/// <remarks>
/// The stage is <see cref="ServiceLifecycleStage.ApplicationServices"/>: stages stop in descending order, so this runs after
/// <see cref="ServiceLifecycleStage.BecomeActive"/> stopped (Orleans deactivated every grain there, letting their running
/// calls append) and before <see cref="ServiceLifecycleStage.RuntimeInitialize"/> stops (the membership agent declares the
/// silo dead and the ledger store is released). Flushing earlier would refuse appends of calls the silo is still finishing.
/// </remarks>
internal sealed class LedgerWriterShutdown(GroupCommitLedgerWriter writer, ILogger<LedgerWriterShutdown> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(LedgerWriterShutdown), ServiceLifecycleStage.ApplicationServices, _ => Task.CompletedTask, StopAsync);

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Silo stopping: flushing the group-commit ledger writer; new appends are refused with a retriable error.");
        await writer.StopAsync(cancellationToken);
        logger.LogInformation("Ledger writer flushed: every queued append is written and acknowledged.");
    }
}
