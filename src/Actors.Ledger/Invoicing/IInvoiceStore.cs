using Actors.Contracts.Invoicing;

namespace Actors.Ledger.Invoicing;

/// <summary>
/// Issued invoices, immutable and keyed by <c>(tenant, account, window, plan)</c> where the plan is the full
/// <c>name@version</c>. The database refuses any UPDATE or DELETE of an invoice.
/// </summary>
/// <remarks>
/// <see cref="Invoice.IssuedAt"/> is kept in UTC at microsecond resolution, like the ledger's timestamps; every invoice a
/// store returns (including the one it just inserted) carries that stored form. Lists are ordered by account (ordinal),
/// then window, then plan.
/// </remarks>
public interface IInvoiceStore
{
    /// <summary>Creates the schema if it is missing. Safe to call on every start and from several processes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="invoice"/> unless an invoice with its key exists. Returns the stored invoice and whether this
    /// call created it; when one existed (also when another writer inserted it concurrently) it is returned unchanged with
    /// <c>Created = false</c>, whatever <paramref name="invoice"/> holds.
    /// </summary>
    /// <exception cref="ArgumentException">when the invoice's window or plan is malformed.</exception>
    Task<(Invoice Invoice, bool Created)> InsertOrGetAsync(Invoice invoice, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="InsertOrGetAsync"/> for many invoices in one transaction; one result per invoice, in order. Two invoices
    /// of one key in <paramref name="invoices"/> get the same stored invoice, the first one created.
    /// </summary>
    Task<IReadOnlyList<(Invoice Invoice, bool Created)>> InsertOrGetManyAsync(IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken);

    /// <summary>The invoice of that key, or null.</summary>
    Task<Invoice?> FindAsync(string tenant, string account, BillingWindow window, PricePlanId plan, CancellationToken cancellationToken);

    /// <summary>
    /// Every invoice (all windows, all plans) of each of <paramref name="accounts"/> of <paramref name="tenant"/>, in one
    /// query; meant for batches of a few hundred accounts.
    /// </summary>
    Task<IReadOnlyList<Invoice>> ReadAccountsAsync(string tenant, IReadOnlyList<string> accounts, CancellationToken cancellationToken);

    /// <summary>
    /// The invoices of <paramref name="window"/> (all plans) of the first <paramref name="maxAccounts"/> accounts after
    /// <paramref name="afterAccount"/> (ordinal; null: from the first). Page on by passing the last account returned;
    /// a page holds every invoice of its accounts, so none is split between pages.
    /// </summary>
    Task<IReadOnlyList<Invoice>> ListAsync(string tenant, BillingWindow window, string? afterAccount, int maxAccounts, CancellationToken cancellationToken);
}
