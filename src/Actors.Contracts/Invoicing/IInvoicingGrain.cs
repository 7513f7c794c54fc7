using Orleans.Concurrency;

namespace Actors.Contracts.Invoicing;

/// <summary>
/// Issues and reads the invoices of one tenant (the grain key is the tenant id). Invoices are immutable per
/// <c>(account, window, plan version)</c>: issuing again returns the existing invoice.
/// </summary>
[Alias("invoicing.tenant")]
public interface IInvoicingGrain : IGrainWithStringKey
{
    /// <summary>
    /// Issues the invoices of <paramref name="window"/> under <paramref name="plan"/> (the silo's default plan when null),
    /// for <paramref name="account"/> or, when null, for every account of the tenant with usage in the window or late
    /// usage to carry. Usage that arrived after an earlier window's invoice is carried into this one.
    /// </summary>
    /// <exception cref="UnknownPricePlanException">when the plan is not in the catalog; nothing was written.</exception>
    /// <exception cref="UnknownMeterException">when any account's usage has a meter the plan does not price; nothing was written for any account.</exception>
    /// <exception cref="Errors.InvalidEventException">when the tenant or account id is malformed.</exception>
    [Alias("issue")]
    Task<InvoiceIssueSummary> Issue(BillingWindow window, PricePlanId? plan, string? account);

    /// <summary>The account's invoices for <paramref name="window"/>, one per plan version issued, ordered by plan.</summary>
    [Alias("get"), ReadOnly]
    Task<List<Invoice>> Get(string account, BillingWindow window);
}
