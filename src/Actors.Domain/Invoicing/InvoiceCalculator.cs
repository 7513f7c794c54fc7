using Actors.Contracts.Invoicing;

namespace Actors.Domain.Invoicing;

/// <summary>
/// Computes an invoice from an account's usage: the one function both issuing and the reconciler call, so an invoice
/// recomputed later from the same inputs is identical. It depends on its arguments only.
/// </summary>
/// <remarks>
/// <para>
/// <b>Which usage an invoice holds.</b> A usage event belongs to the first invoice, in issue order, that is issued after
/// the event reached the ledger (through position ≥ the event's position) for the event's own window or a later one.
/// So an invoice of window <c>W</c> computed through position <c>T</c> holds, among usage at positions ≤ <c>T</c> of
/// windows ≤ <c>W</c>, every event that no prior invoice of another window took:
/// </para>
/// <list type="bullet">
/// <item>the usage of <c>W</c> itself;</item>
/// <item>
/// <b>late usage</b> of an earlier window: it arrived after that window's invoice was issued (or after the window was
/// issued with nothing to bill), so it is carried into the next invoice issued, with its own window on the line.
/// </item>
/// </list>
/// <para>
/// An invoice of the same window under another plan version takes exactly what the first invoice of that window took plus
/// what arrived since and nobody took, so re-rating a window under a new version bills the same usage. Issued window after
/// window, or in any order, every usage lands on exactly one invoice per plan version once a later window is issued; it is
/// never dropped, even for a window an account had no usage in when it was issued. Issue windows in order: issuing a
/// window first bills the not yet invoiced usage of earlier windows too.
/// </para>
/// <para>Each line is one (usage window, meter), rated by the plan on the line's total quantity.</para>
/// </remarks>
public static class InvoiceCalculator
{
    /// <summary>The invoice of <paramref name="account"/> for <paramref name="window"/> under <paramref name="plan"/>.</summary>
    /// <param name="tenant">The account's tenant.</param>
    /// <param name="account">The account.</param>
    /// <param name="window">The invoice's window.</param>
    /// <param name="plan">The plan that rates every line and gives the currency.</param>
    /// <param name="accountUsage">The account's usage (any order, any windows; later positions are ignored).</param>
    /// <param name="throughPosition">The ledger position the invoice is computed through.</param>
    /// <param name="priorInvoices">The account's invoices issued before this one (any window and plan); see <see cref="PriorInvoicesThrough"/>.</param>
    /// <param name="issuedAt">The invoice's issue time, copied as is.</param>
    /// <exception cref="UnknownMeterException">when included usage has a meter <paramref name="plan"/> does not price.</exception>
    /// <exception cref="OverflowException">when a quantity or amount does not fit in 64 bits.</exception>
    public static Invoice Compute(
        string tenant,
        string account,
        BillingWindow window,
        PricePlan plan,
        IReadOnlyList<UsageItem> accountUsage,
        long throughPosition,
        IReadOnlyList<PriorInvoice> priorInvoices,
        DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(accountUsage);
        ArgumentNullException.ThrowIfNull(priorInvoices);

        var quantities = new SortedDictionary<(int Window, string Meter), long>(LineOrder.Instance);
        foreach (var usage in accountUsage)
        {
            if (Includes(usage, window, throughPosition, priorInvoices))
            {
                var key = (Ordinal(usage.Window), usage.Meter);
                quantities[key] = checked(quantities.GetValueOrDefault(key) + usage.Quantity);
            }
        }

        var lines = new List<InvoiceLine>(quantities.Count);
        long total = 0;
        foreach (var ((usageWindow, meter), quantity) in quantities)
        {
            var amount = plan.Rate(meter, quantity);
            total = checked(total + amount);
            lines.Add(new InvoiceLine(meter, FromOrdinal(usageWindow).ToString(), quantity, amount));
        }
        return new Invoice(tenant, account, window.ToString(), plan.Id.ToString(), plan.Currency, lines, total, throughPosition, issuedAt);
    }

    /// <summary>
    /// Whether <paramref name="usage"/> belongs on the invoice of <paramref name="window"/> computed through
    /// <paramref name="throughPosition"/>, after <paramref name="priorInvoices"/> (the rule of <see cref="Compute"/>).
    /// </summary>
    public static bool Includes(UsageItem usage, BillingWindow window, long throughPosition, IReadOnlyList<PriorInvoice> priorInvoices)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(priorInvoices);
        var usageWindow = Ordinal(usage.Window);
        var invoiceWindow = Ordinal(window);
        if (usage.Position > throughPosition || usageWindow > invoiceWindow)
        {
            return false;
        }
        // The first prior invoice that could take the usage: of its window or a later one, issued once it had arrived.
        PriorInvoice? taker = null;
        foreach (var prior in priorInvoices)
        {
            if (Ordinal(prior.Window) >= usageWindow && prior.ThroughPosition >= usage.Position && (taker is not { } first || IssuedBefore(prior, first)))
            {
                taker = prior;
            }
        }
        // Nobody took it: this invoice does. Somebody did: only a twin of that invoice (same window, other plan) holds it too.
        return taker is not { } taken || Ordinal(taken.Window) == invoiceWindow;
    }

    /// <summary>
    /// The account's invoices issued before an invoice computed through <paramref name="throughPosition"/> at
    /// <paramref name="issuedAt"/>: those through a lower position, or through the same position and issued earlier.
    /// Issuing passes the ledger's last position and a time after every existing invoice's (so every existing invoice
    /// counts); the reconciler passes a stored invoice's own values and gets exactly the invoices it was issued after,
    /// because an account's through positions only grow in issue order.
    /// </summary>
    /// <param name="accountInvoices">Invoices of one account (any windows and plans).</param>
    /// <param name="throughPosition">The through position of the invoice being computed.</param>
    /// <param name="issuedAt">Its issue time.</param>
    public static IReadOnlyList<PriorInvoice> PriorInvoicesThrough(IEnumerable<Invoice> accountInvoices, long throughPosition, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(accountInvoices);
        var prior = new List<PriorInvoice>();
        foreach (var invoice in accountInvoices)
        {
            if (invoice.ThroughPosition < throughPosition || (invoice.ThroughPosition == throughPosition && invoice.IssuedAt < issuedAt))
            {
                prior.Add(new PriorInvoice(BillingWindow.Parse(invoice.Window), invoice.ThroughPosition, invoice.IssuedAt));
            }
        }
        return prior;
    }

    // Issue order: through positions grow with it; the issue time orders invoices through the same position, the window
    // makes the order total for input that breaks both (two invoices issued at the same instant).
    private static bool IssuedBefore(PriorInvoice a, PriorInvoice b) =>
        a.ThroughPosition != b.ThroughPosition ? a.ThroughPosition < b.ThroughPosition
        : a.IssuedAt != b.IssuedAt ? a.IssuedAt < b.IssuedAt
        : Ordinal(a.Window) < Ordinal(b.Window);

    private static int Ordinal(BillingWindow window) => window.Year * 12 + window.Month - 1;

    private static BillingWindow FromOrdinal(int ordinal) => new(ordinal / 12, ordinal % 12 + 1);

    private sealed class LineOrder : IComparer<(int Window, string Meter)>
    {
        public static readonly LineOrder Instance = new();

        public int Compare((int Window, string Meter) x, (int Window, string Meter) y)
        {
            var byWindow = x.Window.CompareTo(y.Window);
            return byWindow != 0 ? byWindow : string.CompareOrdinal(x.Meter, y.Meter);
        }
    }
}
