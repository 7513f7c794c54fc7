using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Actors.Grains.Reconciliation;

/// <summary>
/// The one scheduler of continuous reconciliation (key 0: a single activation in the cluster). Each period it finds the
/// tenants from the ledger and starts a run for the current and the previous window of each (the previous one because
/// late usage and invoices issued after the month's end still change it). A tenant whose run is still going keeps it.
/// </summary>
internal sealed class ReconciliationSchedulerGrain(
    ILedgerStore ledger,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<ReconciliationSchedulerGrain> logger) : Grain, IReconciliationSchedulerGrain, IRemindable
{
    private const string ReminderName = "reconcile";

    // Orleans refuses reminder periods under a minute.
    private static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;

    public async Task Ensure()
    {
        var settings = options.Value;
        if (settings.DurableSchedule)
        {
            var period = settings.Period < MinimumReminderPeriod ? MinimumReminderPeriod : settings.Period;
            await this.RegisterOrUpdateReminder(ReminderName, period, period);
        }
        else
        {
            _timer ??= this.RegisterGrainTimer(
                _ => TickLoggedAsync(),
                new GrainTimerCreationOptions { DueTime = settings.Period, Period = settings.Period, KeepAlive = true });
        }
    }

    public async Task<List<string>> Tick()
    {
        var now = BillingWindow.Of(time.GetUtcNow());
        var tenants = await TenantDirectory.ListAsync(ledger, CancellationToken.None);
        foreach (var tenant in tenants)
        {
            var reconciler = GrainFactory.GetGrain<IReconcilerGrain>(tenant);
            await reconciler.StartRun(now.Previous.ToString());
            await reconciler.StartRun(now.ToString());
        }
        return [.. tenants];
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickLoggedAsync();

    // A failed pass (database briefly unreachable) is logged and the next period tries again; throwing from a timer
    // callback would only be logged by Orleans without the context of what failed.
    private async Task TickLoggedAsync()
    {
        try
        {
            var tenants = await Tick();
            logger.LogDebug("Continuous reconciliation woke {Count} tenant(s).", tenants.Count);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "A continuous reconciliation pass failed; the next period retries.");
        }
    }
}
