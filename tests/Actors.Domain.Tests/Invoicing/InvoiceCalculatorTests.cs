using Actors.Contracts.Invoicing;
using Actors.Domain.Billing;
using Actors.Contracts.Billing;
using Actors.Domain.Invoicing;

namespace Actors.Domain.Tests.Invoicing;

/// <summary>Worked examples of what an invoice holds, including late usage carried into a later invoice.</summary>
public sealed class InvoiceCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BillingWindow Oct = BillingWindow.Parse("2026-10");
    private static readonly BillingWindow Nov = BillingWindow.Parse("2026-11");
    private static readonly BillingWindow Dec = BillingWindow.Parse("2026-12");

    private static Invoice Issue(BillingWindow window, IReadOnlyList<UsageItem> usage, long through, IReadOnlyList<Invoice> earlier, PricePlan? plan = null)
    {
        var issuedAt = Now.AddMinutes(earlier.Count);
        return InvoiceCalculator.Compute("acme", "c1", window, plan ?? SamplePlans.Test, usage, through,
            InvoiceCalculator.PriorInvoicesThrough(earlier, through, issuedAt), issuedAt);
    }

    private static (string Window, string Meter, long Quantity)[] Lines(Invoice invoice) =>
        [.. invoice.Lines.Select(l => (l.UsageWindow, l.Meter, l.Quantity))];

    [Fact]
    public void Holds_the_windows_usage_through_the_position_rated_per_meter_in_order()
    {
        UsageItem[] usage =
        [
            Usage.At(1, "2026-11", "storage", 8),
            Usage.At(2, "2026-11", "api", 10),
            Usage.At(3, "2026-12", "api", 99),
            Usage.At(4, "2026-11", "storage", 5),
            Usage.At(5, "2026-11", "api", 1000),
        ];

        var invoice = Issue(Nov, usage, through: 4, []);

        Assert.Equal([("2026-11", "api", 10L), ("2026-11", "storage", 13L)], Lines(invoice));
        Assert.Equal([20L, 50 + 9], invoice.Lines.Select(l => l.AmountMinor));
        Assert.Equal(79, invoice.TotalMinor);
        Assert.Equal(("acme", "c1", "2026-11", "test@1", "USD", 4L, Now),
            (invoice.Tenant, invoice.Account, invoice.Window, invoice.Plan, invoice.Currency, invoice.ThroughPosition, invoice.IssuedAt));
    }

    [Fact]
    public void Late_usage_is_carried_into_the_next_invoice_once()
    {
        var usage = new List<UsageItem> { Usage.At(1, "2026-10", "api", 5) };
        var october = Issue(Oct, usage, through: 1, []);
        usage.Add(Usage.At(2, "2026-10", "api", 7));
        usage.Add(Usage.At(3, "2026-11", "api", 1));

        var november = Issue(Nov, usage, through: 3, [october]);
        usage.Add(Usage.At(4, "2026-12", "api", 2));
        var december = Issue(Dec, usage, through: 4, [october, november]);

        Assert.Equal([("2026-10", "api", 5L)], Lines(october));
        Assert.Equal([("2026-10", "api", 7L), ("2026-11", "api", 1L)], Lines(november));
        Assert.Equal(16, november.TotalMinor);
        Assert.Equal([("2026-12", "api", 2L)], Lines(december));
    }

    [Fact]
    public void Usage_of_a_window_issued_with_nothing_to_bill_is_carried_not_dropped()
    {
        // October was issued when the account had no October usage: nothing was stored for it.
        var usage = new List<UsageItem> { Usage.At(1, "2026-09", "api", 1) };
        var september = Issue(BillingWindow.Parse("2026-09"), usage, through: 1, []);
        Assert.Empty(Issue(Oct, usage, through: 1, [september]).Lines);
        usage.Add(Usage.At(2, "2026-10", "api", 4));

        var november = Issue(Nov, usage, through: 2, [september]);

        Assert.Equal([("2026-10", "api", 4L)], Lines(november));
    }

    [Fact]
    public void A_window_issued_again_under_a_new_plan_version_holds_the_same_usage()
    {
        var v2 = PricePlan.Parse(SamplePlans.JsonWith("\"version\": 1", "\"version\": 2").Replace("\"unitPriceMinor\": 2 }", "\"unitPriceMinor\": 3 }", StringComparison.Ordinal));
        var usage = new List<UsageItem> { Usage.At(1, "2026-10", "api", 5) };
        var october = Issue(Oct, usage, through: 1, []);
        usage.Add(Usage.At(2, "2026-10", "api", 7));
        usage.Add(Usage.At(3, "2026-11", "api", 1));
        var november = Issue(Nov, usage, through: 3, [october]);
        usage.Add(Usage.At(4, "2026-11", "api", 2));
        var december = Issue(Dec, usage, through: 4, [october, november]);
        usage.Add(Usage.At(5, "2026-11", "api", 100));

        var novemberV2 = Issue(Nov, usage, through: 5, [october, november, december], v2);

        // What the first November invoice held, plus what arrived since that no other invoice took; December took position 4.
        Assert.Equal([("2026-10", "api", 7L), ("2026-11", "api", 101L)], Lines(novemberV2));
        Assert.Equal(3 * 108, novemberV2.TotalMinor);
        Assert.Equal("test@2", novemberV2.Plan);
    }

    [Fact]
    public void Issuing_an_older_window_after_a_newer_one_never_bills_usage_twice()
    {
        var usage = new List<UsageItem> { Usage.At(1, "2026-11", "api", 3), Usage.At(2, "2026-12", "api", 4) };
        var december = Issue(Dec, usage, through: 2, []);
        usage.Add(Usage.At(3, "2026-11", "api", 5));

        var november = Issue(Nov, usage, through: 3, [december]);

        Assert.Equal([("2026-11", "api", 3L), ("2026-12", "api", 4L)], Lines(december));
        Assert.Equal([("2026-11", "api", 5L)], Lines(november));
    }

    [Fact]
    public void Prior_invoices_are_those_through_a_lower_position_or_the_same_one_issued_earlier()
    {
        Invoice At(string window, long through, int minute) => new("acme", "c1", window, "test@1", "USD", [], 0, through, Now.AddMinutes(minute));
        Invoice[] invoices = [At("2026-09", 3, 0), At("2026-10", 5, 1), At("2026-11", 5, 2), At("2026-12", 6, 3)];

        var prior = InvoiceCalculator.PriorInvoicesThrough(invoices, throughPosition: 5, issuedAt: Now.AddMinutes(2));

        Assert.Equal([BillingWindow.Parse("2026-09"), Oct], prior.Select(p => p.Window));
    }

    [Fact]
    public void Usage_is_read_from_ledger_rows_of_usage_only()
    {
        var recorded = new UsageRecorded
        {
            Source = "meter-9", Seq = 4, OccurredAt = Now, Currency = "USD", Meter = "api", Quantity = 12, UnitPriceMinor = 7,
        };

        var usage = UsageItem.FromLedger(42, recorded.Type, BillingEventCodec.Serialize(recorded));

        Assert.Equal(new UsageItem(42, "meter-9", 4, "api", 12, 7, Now), usage);
        Assert.Equal(BillingWindow.Parse("2026-12"), usage!.Window);
        // Other types are skipped without parsing their payload.
        Assert.Null(UsageItem.FromLedger(43, "PaymentReceived", "not json"));
    }
}
