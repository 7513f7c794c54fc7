using Actors.Client.Resilience;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Projections;
using Polly;

namespace Actors.Client.Projections;

/// <summary>
/// The cluster's projections (read models derived from the ledger): their status, rebuilds, and reads of the
/// <c>balances</c> projection. Each projection has one owner in the cluster (<see cref="IProjectionGrain"/>); balance reads
/// go to whichever silo is nearest (<see cref="IBalancesReaderGrain"/>).
/// </summary>
/// <remarks>
/// Every call is safe to retry: status and reads change nothing, and a rebuild request while one runs answers with the
/// running one. Errors: <see cref="InvalidEventException"/> for an unknown projection name or a malformed account id
/// (thrown before anything is sent), and <see cref="ClusterUnavailableException"/> when the cluster still failed
/// transiently after every retry.
/// </remarks>
public sealed class ProjectionsClient
{
    // The reader is a stateless worker: every key reaches a local activation, so one fixed key is all a client needs.
    private const long ReaderKey = 0;

    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;

    internal ProjectionsClient(IGrainFactory grains, ResiliencePipeline retry, Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
    }

    /// <summary>The names of the cluster's projections, e.g. <c>balances</c>.</summary>
    public static IReadOnlyList<string> Names => ProjectionNames.All;

    /// <summary>The status of every projection: version, logic version, checkpoint, ledger head, lag and latest rebuild.</summary>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>One status per projection, in <see cref="Names"/> order.</returns>
    public async Task<IReadOnlyList<ProjectionStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var statuses = new List<ProjectionStatus>(ProjectionNames.All.Count);
        foreach (var name in ProjectionNames.All)
        {
            statuses.Add(await GetStatusAsync(name, cancellationToken).ConfigureAwait(false));
        }
        return statuses;
    }

    /// <summary>The status of projection <paramref name="name"/>.</summary>
    /// <param name="name">A projection name (see <see cref="Names"/>).</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>Its version, logic version, checkpoint, ledger head, lag and latest rebuild.</returns>
    /// <exception cref="InvalidEventException">when <paramref name="name"/> is not a projection of the cluster.</exception>
    public Task<ProjectionStatus> GetStatusAsync(string name, CancellationToken cancellationToken = default)
    {
        ProjectionNames.Validate(name);
        return _call.InvokeAsync(_grains.GetGrain<IProjectionGrain>(name), 0, static (g, _) => g.GetStatus(), cancellationToken);
    }

    /// <summary>
    /// Starts a rebuild of projection <paramref name="name"/> into a new version and returns at once; poll
    /// <see cref="GetStatusAsync(string, CancellationToken)"/> for its progress. Readers keep the current version until the
    /// new one has caught up with the ledger, then switch atomically. While a rebuild runs, this returns that one.
    /// </summary>
    /// <param name="name">A projection name (see <see cref="Names"/>).</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the rebuild may have started.</param>
    /// <returns>The status, with <see cref="ProjectionStatus.Rebuild"/> describing the running rebuild.</returns>
    /// <exception cref="InvalidEventException">when <paramref name="name"/> is not a projection of the cluster.</exception>
    public Task<ProjectionStatus> StartRebuildAsync(string name, CancellationToken cancellationToken = default)
    {
        ProjectionNames.Validate(name);
        return _call.InvokeAsync(_grains.GetGrain<IProjectionGrain>(name), 0, static (g, _) => g.StartRebuild(), cancellationToken);
    }

    /// <summary>
    /// An account's balances per currency and usage per meter and billing window from the active version of the
    /// <c>balances</c> projection: a fast read for dashboards and invoicing, behind the ledger by at most the projection's lag
    /// (<see cref="ProjectionBalance.Checkpoint"/> says how far it is). For the exact balance, ask the account itself
    /// (<see cref="Billing.BillingClient.GetBalanceAsync"/>).
    /// </summary>
    /// <param name="tenant">Tenant that owns the account.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The account, or <see langword="null"/> when the projection has no billing event of it yet.</returns>
    /// <exception cref="InvalidEventException">when the tenant or account id is malformed.</exception>
    public Task<ProjectionBalance?> GetBalanceAsync(string tenant, string account, CancellationToken cancellationToken = default)
    {
        EntityKey.Format(tenant, account);
        return _call.InvokeAsync(_grains.GetGrain<IBalancesReaderGrain>(ReaderKey), (tenant, account),
            static (g, key) => g.GetBalance(key.tenant, key.account), cancellationToken);
    }
}
