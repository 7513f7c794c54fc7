using Actors.Client.Resilience;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Polly;

namespace Actors.Client.Reconciliation;

/// <summary>
/// Typed calls to a tenant's reconciler (<see cref="IReconcilerGrain"/>): start runs and follow them, list exceptions,
/// and move them through <c>open -> acknowledged -> resolved | dismissed</c>. Every call is safe to retry: runs are keyed by
/// window, results by (account, window, plan version, kind), and a resolution's adjustment by the same key.
/// </summary>
/// <remarks>
/// Errors: <see cref="InvalidEventException"/> for malformed input, <see cref="NotFoundException"/> for an unknown
/// exception key, <see cref="InvalidTransitionException"/> for a move its status does not allow, and
/// <see cref="ClusterUnavailableException"/> when the cluster still failed transiently after every retry.
/// </remarks>
public sealed class ReconciliationClient
{
    /// <summary>Largest page <see cref="ListExceptionsAsync"/> accepts.</summary>
    public const int MaxExceptionsPage = 10_000;

    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;

    internal ReconciliationClient(IGrainFactory grains, ResiliencePipeline retry, Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
    }

    /// <summary>
    /// Starts a reconciliation of <paramref name="tenant"/>'s accounts for <paramref name="window"/> (<c>yyyy-MM</c>), or
    /// returns the run already going for that window. The run continues in the cluster; follow it with <see cref="GetRunAsync"/>.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="window">The billing window, e.g. <c>2026-11</c>.</param>
    /// <param name="cancellationToken">Stops waiting; the run may still have started.</param>
    /// <exception cref="InvalidEventException">when the tenant or window is malformed (nothing is sent).</exception>
    public Task<ReconciliationRun> StartRunAsync(string tenant, string window, CancellationToken cancellationToken = default)
    {
        var parsed = BillingWindow.Require(window);
        return _call.InvokeAsync(Reconciler(tenant), parsed.ToString(), static (g, w) => g.StartRun(w), cancellationToken);
    }

    /// <summary>The run <paramref name="runId"/> of <paramref name="tenant"/>, or null when there is none.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="runId">The id <see cref="StartRunAsync"/> returned.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ReconciliationRun?> GetRunAsync(string tenant, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return _call.InvokeAsync(Reconciler(tenant), runId, static (g, id) => g.GetRun(id), cancellationToken);
    }

    /// <summary>Recent runs of <paramref name="tenant"/> and its exceptions counted by status and kind.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ReconcilerStatus> GetStatusAsync(string tenant, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Reconciler(tenant), 0, static (g, _) => g.GetStatus(), cancellationToken);

    /// <summary>Up to <paramref name="max"/> exceptions of <paramref name="tenant"/> matching <paramref name="filter"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="filter">Status, kind, window, account; null fields match everything.</param>
    /// <param name="max">1 to <see cref="MaxExceptionsPage"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<List<ReconciliationException>> ListExceptionsAsync(
        string tenant, ExceptionFilter filter, int max = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (max is < 1 or > MaxExceptionsPage)
        {
            throw new InvalidEventException($"max must be between 1 and {MaxExceptionsPage} (was {max}).");
        }
        if (filter.Window is { } window)
        {
            BillingWindow.Require(window);
        }
        return _call.InvokeAsync(Reconciler(tenant), (filter, max), static (g, a) => g.ListExceptions(a.filter, a.max), cancellationToken);
    }

    /// <summary>The audit trail of one exception (who moved it, when, why), oldest first.</summary>
    /// <param name="key">The exception.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<List<ExceptionAuditEntry>> GetAuditAsync(ReconciliationKey key, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Reconciler(key), key, static (g, k) => g.GetAudit(k), cancellationToken);

    /// <summary>Acknowledges an open exception; repeating it is harmless.</summary>
    /// <param name="key">The exception.</param>
    /// <param name="actor">Who acknowledges it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ReconciliationException> AcknowledgeAsync(ReconciliationKey key, string actor, string reason, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Reconciler(key), (key, actor, reason), static (g, a) => g.Acknowledge(a.key, a.actor, a.reason), cancellationToken);

    /// <summary>
    /// Resolves an exception, posting its correction to the account as an adjustment keyed by the exception (so retries
    /// and repeats post it once); repeating it returns the resolved exception.
    /// </summary>
    /// <param name="key">The exception.</param>
    /// <param name="actor">Who resolves it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Stops waiting; the resolution may still have happened (retrying is safe).</param>
    public Task<ReconciliationException> ResolveAsync(ReconciliationKey key, string actor, string reason, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Reconciler(key), (key, actor, reason), static (g, a) => g.Resolve(a.key, a.actor, a.reason), cancellationToken);

    /// <summary>Dismisses an exception without a correction; repeating it is harmless.</summary>
    /// <param name="key">The exception.</param>
    /// <param name="actor">Who dismisses it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<ReconciliationException> DismissAsync(ReconciliationKey key, string actor, string reason, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Reconciler(key), (key, actor, reason), static (g, a) => g.Dismiss(a.key, a.actor, a.reason), cancellationToken);

    private IReconcilerGrain Reconciler(ReconciliationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        EntityKey.Format(key.Tenant, key.Account);
        BillingWindow.Require(key.Window);
        PricePlanId.Require(key.Plan);
        return Reconciler(key.Tenant);
    }

    private IReconcilerGrain Reconciler(string tenant)
    {
        EntityKey.Validate("tenant", tenant);
        return _grains.GetGrain<IReconcilerGrain>(tenant);
    }

}
