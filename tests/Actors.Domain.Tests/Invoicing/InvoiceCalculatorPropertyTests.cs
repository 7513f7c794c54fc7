using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;
using CsCheck;

namespace Actors.Domain.Tests.Invoicing;

/// <summary>
/// Random ledgers and issuing orders: invoices add up, every usage lands on exactly one invoice (late usage carried, never
/// lost or billed twice), and recomputing a stored invoice from the final state — what the reconciler does — gives it back.
/// </summary>
public sealed class InvoiceCalculatorPropertyTests
{
    private const int UsageMonths = 4;
    private static readonly BillingWindow FirstMonth = BillingWindow.Parse("2026-09");
    private static readonly DateTimeOffset Start = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Meters = ["api", "storage"];

    /// <summary>One ledger event or issuing request: kind 0..5 usage, 6 another event (a payment), 7..9 issue a window.</summary>
    private static readonly Gen<(int Kind, int Month, int Meter, long Quantity)[]> Histories =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, UsageMonths], Gen.Int[0, Meters.Length - 1], Gen.Long[1, 150]).Array[1, 70];

    [Fact]
    public void Lines_add_up_and_are_rated_by_the_plan()
    {
        var usage = Gen.Select(Gen.Int[0, UsageMonths - 1], Gen.Int[0, Meters.Length - 1], Gen.Long[1, 500]).Array[0, 40];
        Gen.Select(usage, Gen.Int[0, UsageMonths - 1], Gen.Int[0, 45]).Sample((items, month, through) =>
        {
            var ledger = items.Select((u, i) => Usage.At(i + 1, Window(u.Item1).ToString(), Meters[u.Item2], u.Item3)).ToList();

            var invoice = InvoiceCalculator.Compute("acme", "c1", Window(month), SamplePlans.Test, ledger, through, [], Start);

            Assert.Equal(invoice.Lines.Sum(l => l.AmountMinor), invoice.TotalMinor);
            Assert.All(invoice.Lines, l => Assert.Equal(SamplePlans.Test.Rate(l.Meter, l.Quantity), l.AmountMinor));
            Assert.Equal(
                invoice.Lines.OrderBy(l => l.UsageWindow, StringComparer.Ordinal).ThenBy(l => l.Meter, StringComparer.Ordinal),
                invoice.Lines);
            // With no earlier invoice, the invoice holds every usage of its window and earlier ones through the position.
            Assert.Equal(
                ledger.Where(u => u.Position <= through && u.Window.Start <= Window(month).Start).Sum(u => u.Quantity),
                invoice.Lines.Sum(l => l.Quantity));
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Issued_window_after_window_every_usage_is_on_exactly_one_invoice()
    {
        Histories.Sample(history => CheckHistory(history, inOrder: true), iter: 400, threads: 1);
    }

    [Fact]
    public void Issued_in_any_order_every_usage_is_on_exactly_one_invoice()
    {
        Histories.Sample(history => CheckHistory(history, inOrder: false), iter: 400, threads: 1);
    }

    // Replays the history like the issuer does (an invoice with nothing to bill is not stored; a stored one is never
    // recomputed), then issues the windows still open and one window after all of them, and checks the invariants.
    private static void CheckHistory((int Kind, int Month, int Meter, long Quantity)[] history, bool inOrder)
    {
        var ledger = new List<UsageItem>();
        var invoices = new List<Invoice>();
        long position = 0;
        var clock = Start;
        var nextInOrder = 0;

        void Issue(int month)
        {
            var window = Window(month).ToString();
            if (invoices.Any(i => i.Window == window))
            {
                return;
            }
            clock = clock.AddSeconds(1);
            var invoice = InvoiceCalculator.Compute("acme", "c1", Window(month), SamplePlans.Test, ledger, position,
                InvoiceCalculator.PriorInvoicesThrough(invoices, position, clock), clock);
            if (invoice.Lines.Count > 0)
            {
                invoices.Add(invoice);
            }
        }

        foreach (var (kind, month, meter, quantity) in history)
        {
            if (kind <= 5)
            {
                position++;
                ledger.Add(Usage.At(position, Window(month % UsageMonths).ToString(), Meters[meter], quantity));
            }
            else if (kind == 6)
            {
                position++;
            }
            else if (inOrder)
            {
                if (nextInOrder <= UsageMonths)
                {
                    Issue(nextInOrder++);
                }
            }
            else
            {
                Issue(month);
            }
        }
        for (var month = inOrder ? nextInOrder : 0; month <= UsageMonths; month++)
        {
            Issue(month);
        }
        Issue(UsageMonths + 1);

        var holders = ledger.ToDictionary(u => u.Position, _ => new List<string>());
        foreach (var invoice in invoices)
        {
            var prior = InvoiceCalculator.PriorInvoicesThrough(invoices, invoice.ThroughPosition, invoice.IssuedAt);
            var window = BillingWindow.Parse(invoice.Window);
            foreach (var usage in ledger.Where(u => InvoiceCalculator.Includes(u, window, invoice.ThroughPosition, prior)))
            {
                holders[usage.Position].Add(invoice.Window);
            }
            // What the reconciler does: recompute from today's ledger and invoices; it must give the stored invoice.
            InvoiceAssert.Equal(invoice,
                InvoiceCalculator.Compute("acme", "c1", window, SamplePlans.Test, ledger, invoice.ThroughPosition, prior, invoice.IssuedAt));
        }
        foreach (var (usagePosition, windows) in holders)
        {
            Assert.True(windows.Count == 1, $"usage at position {usagePosition} is on {windows.Count} invoice(s): {string.Join(", ", windows)}");
        }
        foreach (var group in ledger.GroupBy(u => (Window: u.Window.ToString(), u.Meter)))
        {
            var invoiced = invoices.SelectMany(i => i.Lines).Where(l => (l.UsageWindow, l.Meter) == group.Key).Sum(l => l.Quantity);
            Assert.Equal(group.Sum(u => u.Quantity), invoiced);
        }
    }

    private static BillingWindow Window(int month)
    {
        var window = FirstMonth;
        for (var i = 0; i < month; i++)
        {
            window = window.Next;
        }
        return window;
    }
}
