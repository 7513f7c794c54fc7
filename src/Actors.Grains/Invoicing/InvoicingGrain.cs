using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;
using Actors.Ledger;
using Actors.Ledger.Invoicing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Invoicing;

/// <summary>
/// The invoices of one tenant (key = tenant id): a thin shell over <see cref="InvoiceIssuer"/>. Not reentrant, so issuing
/// runs of a tenant take turns; the store's insert-or-get keeps invoices single even if two runs of one tenant met anyway
/// (e.g. on two silos during a membership change).
/// </summary>
public sealed class InvoicingGrain(
    ILedgerStore ledger,
    IInvoiceStore invoices,
    PricePlanCatalog catalog,
    TimeProvider time,
    IOptions<InvoicingOptions> options,
    ILogger<InvoicingGrain> logger) : Grain, IInvoicingGrain
{
    public async Task<InvoiceIssueSummary> Issue(BillingWindow window, PricePlanId? plan, string? account)
    {
        var tenant = Tenant();
        if (account is not null)
        {
            EntityKey.Validate("account", account);
        }
        var planId = plan ?? DefaultPlan();
        var settings = options.Value;
        var issuer = new InvoiceIssuer(ledger, invoices, catalog, time, settings.AccountBatchSize, settings.Parallelism);
        var summary = await issuer.IssueAsync(tenant, window, planId, account, CancellationToken.None);
        logger.LogInformation(
            "Invoices of {Tenant} {Window} under {Plan}: {Issued} issued, {AlreadyIssued} already issued, {Skipped} of {Examined} account(s) without usage.",
            tenant, summary.Window, summary.Plan, summary.Issued, summary.AlreadyIssued, summary.SkippedWithoutUsage, summary.AccountsExamined);
        return summary;
    }

    public async Task<List<Invoice>> Get(string account, BillingWindow window)
    {
        var tenant = Tenant();
        EntityKey.Validate("account", account);
        var windowText = window.ToString();
        var all = await invoices.ReadAccountsAsync(tenant, [account], CancellationToken.None);
        return [.. all.Where(i => i.Window == windowText).OrderBy(i => i.Plan, StringComparer.Ordinal)];
    }

    private string Tenant()
    {
        var tenant = this.GetPrimaryKeyString();
        EntityKey.Validate("tenant", tenant);
        return tenant;
    }

    private PricePlanId DefaultPlan()
    {
        try
        {
            return PricePlanId.Parse(options.Value.DefaultPlan);
        }
        catch (FormatException malformed)
        {
            // A configuration error of the silo, but the caller asked for "the default": tell them what it is.
            throw new InvalidEventException($"the silo's default price plan (Actors:Invoicing:DefaultPlan) is malformed: {malformed.Message} Name a plan explicitly.");
        }
    }
}
