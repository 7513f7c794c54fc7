using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;

namespace Actors.Domain.Reconciliation;

/// <summary>Everything one account's check reads; the check depends on nothing else, so reruns give the same answer.</summary>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id.</param>
/// <param name="Window">The window being reconciled.</param>
/// <param name="Invoices">Every invoice of the account (any window and plan).</param>
/// <param name="Plans">The price plans, to rate under the plan an invoice was issued with.</param>
/// <param name="DefaultPlan">The plan results are keyed and rated by when the window has no invoice.</param>
/// <param name="Events">The account's whole ledger, in position order.</param>
/// <param name="Projection">The account's row in the active balances projection, or null when it has none.</param>
/// <param name="ProjectionCheckpoint">
/// The projection's checkpoint (global position) read before <paramref name="Projection"/>, or null to skip the drift
/// check (no projection exists yet).
/// </param>
public sealed record AccountReconciliationInput(
    string Tenant,
    string Account,
    BillingWindow Window,
    IReadOnlyList<Invoice> Invoices,
    PricePlanCatalog Plans,
    PricePlan DefaultPlan,
    IReadOnlyList<AccountEvent> Events,
    ProjectionView? Projection,
    long? ProjectionCheckpoint);
