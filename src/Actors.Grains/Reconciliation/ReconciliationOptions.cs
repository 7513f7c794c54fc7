namespace Actors.Grains.Reconciliation;

/// <summary>How the reconciler runs. Bound from <c>Actors:Reconciliation</c>.</summary>
public sealed class ReconciliationOptions
{
    /// <summary>Whether the silo reconciles continuously (on demand runs work either way).</summary>
    public bool Continuous { get; set; } = true;

    /// <summary>
    /// Time between continuous passes. The cluster profile schedules them with a reminder, whose minimum period is one
    /// minute; the local profile uses a timer and takes any period.
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Schedule with a reminder (stored, so the schedule survives the loss of the silo running it) instead of a timer.
    /// The host sets it: true in the cluster profile, false in the single-silo local profile, which has no reminder store.
    /// </summary>
    public bool DurableSchedule { get; set; }

    /// <summary>Accounts per batch handed to one worker.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Batches checked at the same time.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Runs kept per tenant in status answers.</summary>
    public int RecentRuns { get; set; } = 10;
}
