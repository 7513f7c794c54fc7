using Actors.Contracts.Billing;
using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Domain.Billing;
using Actors.Domain.Invoicing;

namespace Actors.Domain.Reconciliation;

/// <summary>
/// Checks one account for one window against the ledger, the truth: recomputes the invoice the plan gives for the
/// ledger's usage and compares it with the issued one, finds usage recorded twice under different keys and usage that
/// arrived after the invoice, and compares the balances projection with a fold of the same ledger rows. Pure: the same
/// input always gives the same mismatches, which is what makes stored results idempotent.
/// </summary>
public static class AccountReconciler
{
    /// <summary>The <c>Subject</c> of a projection's balance line.</summary>
    public const string BalanceSubject = "balance";

    /// <summary>
    /// Checks <paramref name="input"/>. The window's invoice is the latest one issued for it (its plan keys the results);
    /// without one, the results are keyed and rated by the default plan and only duplicates and drift are looked for.
    /// </summary>
    /// <exception cref="UnknownMeterException">when the ledger has usage of a meter the plan does not price.</exception>
    /// <exception cref="UnknownPricePlanException">when the invoice's plan is not in the catalog.</exception>
    public static AccountCheck Check(AccountReconciliationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var window = input.Window;
        var invoice = input.Invoices
            .Where(i => i.Window == window.ToString())
            .OrderBy(i => i.ThroughPosition).ThenBy(i => i.IssuedAt).ThenBy(i => i.Plan, StringComparer.Ordinal)
            .LastOrDefault();
        if (invoice is null && !input.Events.Any(e => window.Contains(e.Event.OccurredAt)))
        {
            return new AccountCheck(false, []);
        }
        var plan = invoice is null ? input.DefaultPlan : input.Plans.Find(PricePlanId.Parse(invoice.Plan));
        var context = new CheckContext(input, plan);
        var usage = input.Events
            .Where(e => e.Event is UsageRecorded)
            .Select(e => UsageItem.From(e.Position, (UsageRecorded)e.Event))
            .ToList();
        var mismatches = new List<Mismatch>();
        if (invoice is not null)
        {
            CompareWithInvoice(context, invoice, usage, mismatches);
            FindLateArrivals(context, invoice, usage, mismatches);
        }
        FindDuplicates(context, usage, mismatches);
        if (input.ProjectionCheckpoint is { } checkpoint)
        {
            FindDrift(context, checkpoint, mismatches);
        }
        return new AccountCheck(true, [.. mismatches.OrderBy(m => m.Key.Kind)]);
    }

    private sealed record CheckContext(AccountReconciliationInput Input, PricePlan Plan)
    {
        public BillingWindow Window => Input.Window;
    }

    private static void CompareWithInvoice(CheckContext input, Invoice invoice, List<UsageItem> usage, List<Mismatch> found)
    {
        var prior = InvoiceCalculator.PriorInvoicesThrough(input.Input.Invoices, invoice.ThroughPosition, invoice.IssuedAt);
        var expected = InvoiceCalculator.Compute(
            input.Input.Tenant, input.Input.Account, input.Window, input.Plan, usage, invoice.ThroughPosition, prior, invoice.IssuedAt);
        var expectedLines = expected.Lines.ToDictionary(l => (l.UsageWindow, l.Meter));
        var invoicedLines = invoice.Lines.ToDictionary(l => (l.UsageWindow, l.Meter));
        var missing = new List<MismatchLine>();
        var misrated = new List<MismatchLine>();
        foreach (var key in Ordinal(expectedLines.Keys.Union(invoicedLines.Keys)))
        {
            var (usageWindow, meter) = key;
            var want = expectedLines.GetValueOrDefault(key);
            var have = invoicedLines.GetValueOrDefault(key);
            long wantQuantity = want?.Quantity ?? 0, haveQuantity = have?.Quantity ?? 0;
            long wantAmount = want?.AmountMinor ?? 0, haveAmount = have?.AmountMinor ?? 0;
            var line = new MismatchLine(meter, usageWindow, wantQuantity, haveQuantity, wantAmount, haveAmount, input.Plan.Currency);
            if (haveQuantity < wantQuantity)
            {
                missing.Add(line);
            }
            else if (haveQuantity > wantQuantity || haveAmount != wantAmount)
            {
                misrated.Add(line);
            }
        }
        Add(found, input, MismatchKind.MissingUsage, missing, Difference(missing));
        Add(found, input, MismatchKind.RatingInconsistency, misrated, Difference(misrated));
    }

    // Usage of the window at a position after the invoice's was recorded after the invoice was issued. It is not an
    // error to correct with an adjustment: the next window's invoice carries it (InvoiceCalculator), so nothing is dropped.
    private static void FindLateArrivals(CheckContext input, Invoice invoice, List<UsageItem> usage, List<Mismatch> found)
    {
        var late = usage
            .Where(u => input.Window.Contains(u.OccurredAt) && u.Position > invoice.ThroughPosition)
            .GroupBy(u => u.Meter, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var quantity = g.Sum(u => u.Quantity);
                return new MismatchLine(g.Key, input.Window.ToString(), quantity, 0, input.Plan.Rate(g.Key, quantity), 0, input.Plan.Currency);
            })
            .ToList();
        Add(found, input, MismatchKind.LateArrival, late, correctionMinor: 0);
    }

    // The same usage under two keys: equal meter, quantity, unit price and time of occurrence but a different
    // (source, seq), so dedup could not catch it. The correction refunds what the extra copies add to the window's charge.
    private static void FindDuplicates(CheckContext input, List<UsageItem> usage, List<Mismatch> found)
    {
        var inWindow = usage.Where(u => input.Window.Contains(u.OccurredAt)).ToList();
        var lines = inWindow
            .GroupBy(u => (u.Meter, u.Quantity, u.UnitPriceMinor, u.OccurredAt))
            .Where(g => g.Count() > 1)
            .GroupBy(g => g.Key.Meter, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(byMeter =>
            {
                var extra = byMeter.Sum(g => g.Key.Quantity * (g.Count() - 1L));
                var recorded = inWindow.Where(u => u.Meter == byMeter.Key).Sum(u => u.Quantity);
                var distinct = recorded - extra;
                return new MismatchLine(byMeter.Key, input.Window.ToString(), distinct, recorded,
                    input.Plan.Rate(byMeter.Key, distinct), input.Plan.Rate(byMeter.Key, recorded), input.Plan.Currency);
            })
            .ToList();
        Add(found, input, MismatchKind.DuplicatedUsage, lines, Difference(lines));
    }

    // The projection is compared with the ledger only as far as the projection has read (its row's last position, or its
    // checkpoint when it has no row), so a projection that is merely behind is not drift.
    private static void FindDrift(CheckContext input, long checkpoint, List<Mismatch> found)
    {
        var projection = input.Input.Projection;
        var applied = projection is null
            ? input.Input.Events.Where(e => e.GlobalPosition <= checkpoint)
            : input.Input.Events.Where(e => e.Position <= projection.LastPosition);
        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        var quantities = new Dictionary<(string Meter, string Window), long>();
        foreach (var row in applied)
        {
            balances[row.Event.Currency] = checked(balances.GetValueOrDefault(row.Event.Currency) + BillingEffect.AmountMinor(row.Event));
            if (row.Event is UsageRecorded usage)
            {
                var key = (usage.Meter, BillingWindow.Of(usage.OccurredAt).ToString());
                quantities[key] = checked(quantities.GetValueOrDefault(key) + usage.Quantity);
            }
        }
        var projectedBalances = projection?.BalanceMinor ?? new Dictionary<string, long>();
        var projectedUsage = projection?.UsageQuantity ?? new Dictionary<(string Meter, string Window), long>();
        var lines = new List<MismatchLine>();
        foreach (var currency in balances.Keys.Union(projectedBalances.Keys).Order(StringComparer.Ordinal))
        {
            long want = balances.GetValueOrDefault(currency), have = projectedBalances.GetValueOrDefault(currency);
            if (want != have)
            {
                lines.Add(new MismatchLine(BalanceSubject, null, 0, 0, want, have, currency));
            }
        }
        foreach (var key in Ordinal(quantities.Keys.Union(projectedUsage.Keys)))
        {
            long want = quantities.GetValueOrDefault(key), have = projectedUsage.GetValueOrDefault(key);
            if (want != have)
            {
                lines.Add(new MismatchLine(key.A, key.B, want, have, 0, 0, input.Plan.Currency));
            }
        }
        // A rebuild corrects drift; an adjustment would change what the customer owes, which the ledger already says right.
        Add(found, input, MismatchKind.ProjectionDrift, lines, correctionMinor: 0);
    }

    // Ordinal, not the culture's order: stored results must come out the same on every machine.
    private static IEnumerable<(string A, string B)> Ordinal(IEnumerable<(string A, string B)> keys) =>
        keys.OrderBy(k => k.A, StringComparer.Ordinal).ThenBy(k => k.B, StringComparer.Ordinal);

    private static long Difference(IEnumerable<MismatchLine> lines) =>
        lines.Aggregate(0L, (sum, l) => checked(sum + l.ExpectedAmountMinor - l.ActualAmountMinor));

    private static void Add(List<Mismatch> found, CheckContext input, MismatchKind kind, List<MismatchLine> lines, long correctionMinor)
    {
        if (lines.Count == 0)
        {
            return;
        }
        var key = new ReconciliationKey(input.Input.Tenant, input.Input.Account, input.Window.ToString(), input.Plan.Id.ToString(), kind);
        found.Add(new Mismatch(key, lines, correctionMinor, input.Plan.Currency));
    }
}
