using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Domain;
using Actors.Domain.Invoicing;
using Actors.Domain.Reconciliation;
using Actors.Ledger;
using Actors.Ledger.Invoicing;
using Actors.Ledger.Projections;
using Actors.Ledger.Reconciliation;

namespace Actors.Grains.Reconciliation;

/// <summary>
/// Checks a batch of accounts for one window: three batched reads (projection first, then ledgers and invoices), the pure
/// <see cref="AccountReconciler"/> per account, one write of everything found. The worker grain calls it; so does the
/// reconcile benchmark, which measures exactly this path.
/// </summary>
public sealed class AccountBatchReconciler
{
    private readonly ILedgerStore _ledger;
    private readonly IInvoiceStore _invoices;
    private readonly BalancesProjectionReader _projection;
    private readonly IReconciliationStore _results;
    private readonly PricePlanCatalog _plans;
    private readonly PricePlanId _defaultPlan;
    private readonly TimeProvider _time;

    /// <summary>A reconciler over the silo's stores; <paramref name="defaultPlan"/> keys the results of windows without an invoice.</summary>
    public AccountBatchReconciler(
        ILedgerStore ledger,
        IInvoiceStore invoices,
        BalancesProjectionReader projection,
        IReconciliationStore results,
        PricePlanCatalog plans,
        PricePlanId defaultPlan,
        TimeProvider time)
    {
        _ledger = ledger;
        _invoices = invoices;
        _projection = projection;
        _results = results;
        _plans = plans;
        _defaultPlan = defaultPlan;
        _time = time;
    }

    /// <summary>Checks <paramref name="accounts"/> of <paramref name="tenant"/> for <paramref name="window"/> and stores the mismatches.</summary>
    /// <exception cref="UnknownPricePlanException">when the default plan, or an invoice's plan, is not in the catalog.</exception>
    public async Task<ReconciliationBatchResult> CheckAsync(
        string tenant, BillingWindow window, IReadOnlyList<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(accounts);
        var defaultPlan = _plans.Find(_defaultPlan);
        // The projection is read before the ledger: the ledger only grows, so it holds every row the projection applied.
        var projection = await _projection.ReadAccountsIfBuiltAsync(tenant, accounts, cancellationToken);
        var rows = await _ledger.ReadLedgersAsync([.. accounts.Select(a => LedgerNames.Account(tenant, a))], cancellationToken);
        var invoices = (await _invoices.ReadAccountsAsync(tenant, accounts, cancellationToken))
            .ToLookup(i => i.Account, StringComparer.Ordinal);
        var events = rows
            .GroupBy(r => r.Ledger, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AccountEvent>)[.. g.Select(Decode).OfType<AccountEvent>()], StringComparer.Ordinal);

        long checkedAccounts = 0;
        var found = new List<Mismatch>();
        foreach (var account in accounts)
        {
            var input = new AccountReconciliationInput(
                tenant, account, window, [.. invoices[account]], _plans, defaultPlan,
                events.GetValueOrDefault(LedgerNames.Account(tenant, account)) ?? [],
                projection?.Accounts.GetValueOrDefault(account) is { } row ? ToView(row) : null,
                projection?.Checkpoint);
            var check = AccountReconciler.Check(input);
            if (check.HadActivity)
            {
                checkedAccounts++;
                found.AddRange(check.Mismatches);
            }
        }
        var created = found.Count == 0 ? 0 : await _results.RecordAsync(found, _time.GetUtcNow(), cancellationToken);
        var byKind = found.GroupBy(m => m.Key.Kind.Name()).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new ReconciliationBatchResult(checkedAccounts, byKind, created);
    }

    // The projection's decoding, so the reconciler and the projection read a row the same way (and stop on the same
    // undecodable row rather than one of them silently miscounting).
    private static AccountEvent? Decode(LedgerEntry row) =>
        BalancesFold.Decode(row) is { } billingEvent ? new AccountEvent(row.Position, row.GlobalPosition, billingEvent) : null;

    private static ProjectionView ToView(AccountProjection row) => new(
        row.BalanceMinor,
        row.Usage
            .GroupBy(u => (u.Meter, u.Window))
            .ToDictionary(g => g.Key, g => g.Sum(u => u.Quantity)),
        row.LastPosition);
}
