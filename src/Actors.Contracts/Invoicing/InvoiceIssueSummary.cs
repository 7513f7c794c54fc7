namespace Actors.Contracts.Invoicing;

/// <summary>What an issuing run did for one tenant and window.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Window">The billing window, <c>yyyy-MM</c>.</param>
/// <param name="Plan">The price plan the run issued under, <c>name@version</c> (the default plan when none was asked for).</param>
/// <param name="AccountsExamined">Accounts whose ledgers were read.</param>
/// <param name="Issued">Invoices written by this run.</param>
/// <param name="AlreadyIssued">Invoices that existed for (account, window, plan) and were returned unchanged.</param>
/// <param name="SkippedWithoutUsage">Accounts with nothing to invoice: no usage in the window and no late usage to carry.</param>
/// <param name="TotalMinorByCurrency">Sum of the totals of the issued and already issued invoices, per currency.</param>
/// <param name="Invoices">The invoices, when the run was for one account; empty for a whole tenant.</param>
[GenerateSerializer, Immutable, Alias("invoicing.issue-summary")]
public sealed record InvoiceIssueSummary(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Window,
    [property: Id(2)] string Plan,
    [property: Id(3)] int AccountsExamined,
    [property: Id(4)] int Issued,
    [property: Id(5)] int AlreadyIssued,
    [property: Id(6)] int SkippedWithoutUsage,
    [property: Id(7)] IReadOnlyDictionary<string, long> TotalMinorByCurrency,
    [property: Id(8)] IReadOnlyList<Invoice> Invoices);
