using Actors.Client.Resilience;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Invoicing;
using Polly;

namespace Actors.Client.Invoicing;

/// <summary>
/// Typed calls to a tenant's invoicing (<see cref="IInvoicingGrain"/>): issue the invoices of a billing window under a
/// price plan version, and read an account's invoices. Invoices are immutable per (account, window, plan version), so
/// issuing is safe to retry and to repeat: a repeat returns the invoices already issued.
/// </summary>
/// <remarks>
/// Errors: <see cref="InvalidEventException"/> for a malformed tenant, account, window or plan (thrown before anything is
/// sent), <see cref="UnknownPricePlanException"/> when the cluster has no such plan, <see cref="UnknownMeterException"/>
/// when usage has a meter the plan does not price (nothing is written for any account), and
/// <see cref="ClusterUnavailableException"/> when the cluster still failed transiently after every retry.
/// </remarks>
public sealed class InvoicesClient
{
    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;

    internal InvoicesClient(IGrainFactory grains, ResiliencePipeline retry, Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
    }

    /// <summary>
    /// Issues the invoices of <paramref name="window"/> for <paramref name="account"/>, or for every account of
    /// <paramref name="tenant"/> with usage in the window (or late usage of an earlier window to carry) when it is null.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="window">The billing window, <c>yyyy-MM</c> (UTC month), e.g. <c>2026-11</c>.</param>
    /// <param name="account">One account, or null for the whole tenant.</param>
    /// <param name="plan">The price plan version, <c>name@version</c> (e.g. <c>standard@2</c>); null for the cluster's default plan.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the invoices may still have been issued.</param>
    /// <returns>Counts and totals of the run; with <paramref name="account"/>, also its invoices.</returns>
    /// <exception cref="InvalidEventException">when an argument is malformed (nothing is sent).</exception>
    public Task<InvoiceIssueSummary> IssueAsync(
        string tenant,
        string window,
        string? account = null,
        string? plan = null,
        CancellationToken cancellationToken = default)
    {
        var request = (Window: BillingWindow.Require(window), Plan: plan is null ? null : PricePlanId.Require(plan), Account: account);
        if (account is not null)
        {
            EntityKey.Validate("account", account);
        }
        return _call.InvokeAsync(Tenant(tenant), request, static (g, r) => g.Issue(r.Window, r.Plan, r.Account), cancellationToken);
    }

    /// <summary>The invoices of <paramref name="account"/> for <paramref name="window"/>: one per plan version issued, ordered by plan.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="account">The account.</param>
    /// <param name="window">The billing window, <c>yyyy-MM</c>.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The invoices; empty when none was issued.</returns>
    /// <exception cref="InvalidEventException">when an argument is malformed (nothing is sent).</exception>
    public async Task<IReadOnlyList<Invoice>> GetAsync(string tenant, string account, string window, CancellationToken cancellationToken = default)
    {
        var parsed = BillingWindow.Require(window);
        EntityKey.Validate("account", account);
        return await _call.InvokeAsync(Tenant(tenant), (Account: account, Window: parsed), static (g, r) => g.Get(r.Account, r.Window), cancellationToken)
            .ConfigureAwait(false);
    }

    private IInvoicingGrain Tenant(string tenant)
    {
        EntityKey.Validate("tenant", tenant);
        return _grains.GetGrain<IInvoicingGrain>(tenant);
    }
}
