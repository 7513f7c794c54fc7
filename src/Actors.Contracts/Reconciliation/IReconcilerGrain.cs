namespace Actors.Contracts.Reconciliation;

/// <summary>
/// The reconciler of one tenant (keyed by tenant id). Runs check every account with activity in a window against its
/// invoice and the balances projection, in parallel batches; results are idempotent per
/// <see cref="ReconciliationKey"/>. Runs continue in the background: poll <see cref="GetRun"/> for progress.
/// </summary>
[Alias("reconciliation.reconciler")]
public interface IReconcilerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a run over <paramref name="window"/> (<c>yyyy-MM</c>) and returns it; when one is already running for that
    /// window, returns that one instead of starting a second.
    /// </summary>
    [Alias("start-run")]
    Task<ReconciliationRun> StartRun(string window);

    /// <summary>The run with <paramref name="runId"/>, or null.</summary>
    [Alias("run")]
    Task<ReconciliationRun?> GetRun(string runId);

    /// <summary>Recent runs and exception counts.</summary>
    [Alias("status")]
    Task<ReconcilerStatus> GetStatus();

    /// <summary>Up to <paramref name="max"/> exceptions matching <paramref name="filter"/>.</summary>
    [Alias("exceptions")]
    Task<List<ReconciliationException>> ListExceptions(ExceptionFilter filter, int max);

    /// <summary>The audit trail of one exception, oldest first.</summary>
    [Alias("audit")]
    Task<List<ExceptionAuditEntry>> GetAudit(ReconciliationKey key);

    /// <summary>Marks an open exception acknowledged. Repeating it is harmless.</summary>
    [Alias("acknowledge")]
    Task<ReconciliationException> Acknowledge(ReconciliationKey key, string actor, string reason);

    /// <summary>
    /// Resolves an open or acknowledged exception: posts its correction as an <c>AdjustmentPosted</c> whose
    /// <c>(source, seq)</c> is derived from the key (so a retry or a second resolve never posts twice), then records the
    /// resolution. Repeating it returns the resolved exception and posts nothing new.
    /// </summary>
    [Alias("resolve")]
    Task<ReconciliationException> Resolve(ReconciliationKey key, string actor, string reason);

    /// <summary>Dismisses an open or acknowledged exception without a correction. Repeating it is harmless.</summary>
    [Alias("dismiss")]
    Task<ReconciliationException> Dismiss(ReconciliationKey key, string actor, string reason);
}
