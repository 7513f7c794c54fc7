using Actors.Contracts.Billing;
using Actors.Contracts.Invoicing;
using Actors.Domain.Billing;
using Actors.Domain.Invoicing;
using Actors.Domain.Reconciliation;

namespace Actors.Domain.Tests.Reconciliation;

/// <summary>
/// One account's ledger built event by event, with invoices issued by the real calculator and a projection folded from a
/// prefix of the ledger, so each test injects exactly one fault into an otherwise consistent picture.
/// </summary>
internal sealed class ReconciliationScenario
{
    public const string Tenant = "acme";
    public const string Account = "c1";

    public static readonly BillingWindow November = new(2026, 11);

    // api: 2 per unit; storage: 5 up to 1000 units, then 3 (graduated).
    public static readonly PricePlan Plan = new(
        new PricePlanId("standard", 1),
        "USD",
        new Dictionary<string, MeterPrice>
        {
            ["api"] = MeterPrice.Flat(2),
            ["storage"] = MeterPrice.Graduated([new PriceTier(1000, 5), new PriceTier(null, 3)]),
        });

    public static readonly PricePlanCatalog Catalog = new([Plan], "test");

    private readonly List<AccountEvent> _events = [];
    private readonly List<Invoice> _invoices = [];

    public IReadOnlyList<AccountEvent> Events => _events;

    public IReadOnlyList<Invoice> Invoices => _invoices;

    public ReconciliationScenario Usage(string meter, long quantity, DateTimeOffset at, string source = "meter", long? seq = null) =>
        Add(new UsageRecorded { Source = source, Seq = seq ?? _events.Count + 1, OccurredAt = at, Currency = "USD", Meter = meter, Quantity = quantity, UnitPriceMinor = 2 });

    public ReconciliationScenario Payment(long amountMinor, DateTimeOffset at) =>
        Add(new PaymentReceived { Source = "bank", Seq = _events.Count + 1, OccurredAt = at, Currency = "USD", AmountMinor = amountMinor });

    /// <summary>Issues the window's invoice through the last event, as the invoicing grain does.</summary>
    public Invoice IssueInvoice(BillingWindow window, DateTimeOffset issuedAt)
    {
        var usage = _events.Where(e => e.Event is UsageRecorded).Select(e => UsageItem.From(e.Position, (UsageRecorded)e.Event)).ToList();
        var through = _events.Count == 0 ? 0 : _events[^1].Position;
        var prior = InvoiceCalculator.PriorInvoicesThrough(_invoices, through, issuedAt);
        var invoice = InvoiceCalculator.Compute(Tenant, Account, window, Plan, usage, through, prior, issuedAt);
        _invoices.Add(invoice);
        return invoice;
    }

    /// <summary>Replaces an issued invoice, as a wrong invoice from elsewhere would be.</summary>
    public void ReplaceInvoice(Invoice original, Invoice replacement)
    {
        _invoices.Remove(original);
        _invoices.Add(replacement);
    }

    /// <summary>The projection a correct runner holds after applying the first <paramref name="applied"/> events.</summary>
    public ProjectionView ProjectionThrough(int applied)
    {
        var balances = new Dictionary<string, long>();
        var usage = new Dictionary<(string Meter, string Window), long>();
        foreach (var e in _events.Take(applied))
        {
            balances[e.Event.Currency] = balances.GetValueOrDefault(e.Event.Currency) + BillingEffect.AmountMinor(e.Event);
            if (e.Event is UsageRecorded u)
            {
                var key = (u.Meter, BillingWindow.Of(u.OccurredAt).ToString());
                usage[key] = usage.GetValueOrDefault(key) + u.Quantity;
            }
        }
        return new ProjectionView(balances, usage, applied == 0 ? 0 : _events[applied - 1].Position);
    }

    public AccountReconciliationInput Input(BillingWindow window, ProjectionView? projection = null, long? checkpoint = null) =>
        new(Tenant, Account, window, _invoices, Catalog, Plan, _events, projection, checkpoint);

    private ReconciliationScenario Add(BillingEvent e)
    {
        var position = _events.Count + 1;
        // Global positions interleave with other accounts' rows in a real ledger; a stride keeps them distinct from positions.
        _events.Add(new AccountEvent(position, position * 10, e));
        return this;
    }
}
