using Actors.Contracts.Reconciliation;

namespace Actors.Ledger.Reconciliation;

/// <summary>
/// Where the reconciler keeps its results (one row per <see cref="ReconciliationKey"/>, which is also the exception and
/// its status), the exceptions' audit trail and its runs.
/// </summary>
public interface IReconciliationStore
{
    /// <summary>Creates the schema if it is missing. Safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores what a pass found, in ONE transaction: a key not seen before becomes an open exception detected at
    /// <paramref name="at"/>; an open or acknowledged one takes the new figures (its <c>UpdatedAt</c> moves only when a figure
    /// changed); a resolved or dismissed one is left exactly as it is. Returns how many keys were new.
    /// </summary>
    Task<int> RecordAsync(IReadOnlyList<Mismatch> found, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The exception with <paramref name="key"/>, or null.</summary>
    Task<ReconciliationException?> FindAsync(ReconciliationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> exceptions of <paramref name="tenant"/> matching the filter, ordered by account, window,
    /// plan, kind (ordinal).
    /// </summary>
    Task<IReadOnlyList<ReconciliationException>> ListAsync(string tenant, ExceptionFilter filter, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Moves <paramref name="key"/> to <paramref name="to"/> when its status is one of <paramref name="allowedFrom"/>, writing the
    /// audit row and (for a resolution) the adjustment key in the same transaction. Returns the exception after the call and
    /// whether this call moved it; when the status was not allowed nothing is written.
    /// </summary>
    /// <exception cref="KeyNotFoundException">when no exception has <paramref name="key"/>.</exception>
    Task<(ReconciliationException Exception, bool Moved)> TransitionAsync(
        ReconciliationKey key,
        IReadOnlyCollection<ExceptionStatus> allowedFrom,
        ExceptionStatus to,
        string actor,
        string reason,
        AdjustmentKey? adjustment,
        DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>The audit trail of <paramref name="key"/>, oldest first.</summary>
    Task<IReadOnlyList<ExceptionAuditEntry>> ReadAuditAsync(ReconciliationKey key, CancellationToken cancellationToken);

    /// <summary>Count of exceptions per (status, kind) over all tenants, for metrics and status.</summary>
    Task<IReadOnlyList<ExceptionCount>> CountAsync(string? tenant, CancellationToken cancellationToken);

    /// <summary>Stores a new run (its id must be new).</summary>
    Task StartRunAsync(ReconciliationRun run, CancellationToken cancellationToken);

    /// <summary>Replaces the stored run with the same id by <paramref name="run"/> (progress, completion or failure).</summary>
    /// <exception cref="KeyNotFoundException">when no run has that id.</exception>
    Task UpdateRunAsync(ReconciliationRun run, CancellationToken cancellationToken);

    /// <summary>The run with <paramref name="runId"/>, or null.</summary>
    Task<ReconciliationRun?> FindRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="max"/> runs of <paramref name="tenant"/> (every tenant when null), newest first.</summary>
    Task<IReadOnlyList<ReconciliationRun>> ListRunsAsync(string? tenant, int max, CancellationToken cancellationToken);
}
