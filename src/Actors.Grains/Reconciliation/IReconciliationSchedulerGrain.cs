namespace Actors.Grains.Reconciliation;

/// <summary>Drives continuous reconciliation: each period it wakes every tenant's reconciler for the current and previous window.</summary>
[Alias("reconciliation.scheduler")]
public interface IReconciliationSchedulerGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the schedule (timer or reminder) is running. Idempotent; every silo calls it when it starts.</summary>
    [Alias("ensure")]
    Task Ensure();

    /// <summary>One pass now: starts (or finds running) the runs of every tenant with accounts. Returns the tenants woken.</summary>
    [Alias("tick")]
    Task<List<string>> Tick();
}
