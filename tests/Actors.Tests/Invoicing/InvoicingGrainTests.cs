using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Actors.Contracts.Invoicing;

namespace Actors.Tests.Invoicing;

/// <summary>
/// Invoices issued in a running cluster from usage recorded through account grains: issuing again returns the same
/// invoice, late usage goes to the next window's invoice, and a run that cannot be priced writes nothing.
/// </summary>
public sealed class InvoicingGrainTests(InvoicingSiloFixture fixture) : IClassFixture<InvoicingSiloFixture>
{
    private static readonly DateTimeOffset November = new(2026, 11, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly BillingWindow Nov = BillingWindow.Parse("2026-11");
    private static readonly BillingWindow Dec = BillingWindow.Parse("2026-12");

    private static string NewTenant() => "t" + Guid.NewGuid().ToString("N")[..8];

    private IInvoicingGrain Invoicing(string tenant) => fixture.Grains.GetGrain<IInvoicingGrain>(tenant);

    private async Task RecordAsync(string tenant, string account, long seq, string meter, long quantity, DateTimeOffset occurredAt) =>
        await fixture.Grains.GetGrain<IAccountGrain>(EntityKey.Format(tenant, account)).Record(new UsageRecorded
        {
            Source = "meter-1", Seq = seq, OccurredAt = occurredAt, Currency = "USD", Meter = meter, Quantity = quantity,
        });

    [Fact]
    public async Task Usage_recorded_on_an_account_is_invoiced_once_and_issuing_again_returns_the_same_invoice()
    {
        var tenant = NewTenant();
        await RecordAsync(tenant, "c1", 1, "api", 100, November);
        await RecordAsync(tenant, "c1", 2, "storage", 12, November.AddDays(1));
        await RecordAsync(tenant, "c1", 3, "api", 1, November.AddMonths(1));

        var first = await Invoicing(tenant).Issue(Nov, null, "c1");
        var again = await Invoicing(tenant).Issue(Nov, PricePlanId.Parse("test@1"), "c1");

        var invoice = Assert.Single(first.Invoices);
        Assert.Equal(("test@1", 1, 0), (first.Plan, first.Issued, first.AlreadyIssued));
        Assert.Equal([new InvoiceLine("api", "2026-11", 100, 200), new InvoiceLine("storage", "2026-11", 12, 52)], invoice.Lines);
        Assert.Equal((252L, 3L, "USD"), (invoice.TotalMinor, invoice.ThroughPosition, invoice.Currency));
        Assert.Equal((0, 1), (again.Issued, again.AlreadyIssued));
        var repeated = Assert.Single(again.Invoices);
        Assert.Equal((invoice.TotalMinor, invoice.ThroughPosition, invoice.IssuedAt), (repeated.TotalMinor, repeated.ThroughPosition, repeated.IssuedAt));
        Assert.Equal(invoice.Lines, repeated.Lines);
        var stored = Assert.Single(await Invoicing(tenant).Get("c1", Nov));
        Assert.Equal(invoice.IssuedAt, stored.IssuedAt);
    }

    [Fact]
    public async Task Usage_recorded_after_its_windows_invoice_is_carried_into_the_next_windows_invoice()
    {
        var tenant = NewTenant();
        await RecordAsync(tenant, "c1", 1, "api", 10, November);
        await Invoicing(tenant).Issue(Nov, null, "c1");
        await RecordAsync(tenant, "c1", 2, "api", 4, November.AddDays(2));
        await RecordAsync(tenant, "c1", 3, "api", 6, November.AddMonths(1));

        var december = await Invoicing(tenant).Issue(Dec, null, "c1");

        var invoice = Assert.Single(december.Invoices);
        Assert.Equal([new InvoiceLine("api", "2026-11", 4, 8), new InvoiceLine("api", "2026-12", 6, 12)], invoice.Lines);
        Assert.Equal([10L], (await Invoicing(tenant).Get("c1", Nov)).Single().Lines.Select(l => l.Quantity));
    }

    [Fact]
    public async Task A_tenant_run_issues_every_account_with_usage_under_the_plan_asked_for()
    {
        var tenant = NewTenant();
        for (var i = 1; i <= 7; i++)
        {
            await RecordAsync(tenant, $"c{i}", 1, "api", i, i == 7 ? November.AddMonths(1) : November);
        }
        await RecordAsync(NewTenant(), "c1", 1, "api", 1000, November);

        var summary = await Invoicing(tenant).Issue(Nov, PricePlanId.Parse("test@2"), null);

        Assert.Equal((7, 6, 0, 1), (summary.AccountsExamined, summary.Issued, summary.AlreadyIssued, summary.SkippedWithoutUsage));
        Assert.Equal(3 * (1 + 2 + 3 + 4 + 5 + 6), summary.TotalMinorByCurrency["USD"]);
        Assert.Equal("test@2", summary.Plan);
        Assert.Empty(summary.Invoices);
        Assert.Equal(3 * 5, (await Invoicing(tenant).Get("c5", Nov)).Single().TotalMinor);
    }

    [Fact]
    public async Task A_meter_the_plan_does_not_price_is_an_error_and_nothing_is_written()
    {
        var tenant = NewTenant();
        await RecordAsync(tenant, "c1", 1, "api", 1, November);
        await RecordAsync(tenant, "c2", 1, "gpu-hours", 2, November);

        var error = await Assert.ThrowsAsync<UnknownMeterException>(() => Invoicing(tenant).Issue(Nov, null, null));

        Assert.Equal(["gpu-hours"], error.Meters);
        Assert.Equal(["c2"], error.Accounts);
        Assert.Contains("'gpu-hours'", error.Message);
        Assert.Empty(await Invoicing(tenant).Get("c1", Nov));
        Assert.Empty(await Invoicing(tenant).Get("c2", Nov));
    }

    [Fact]
    public async Task An_unknown_plan_is_an_error_that_lists_the_known_ones()
    {
        var tenant = NewTenant();
        await RecordAsync(tenant, "c1", 1, "api", 1, November);

        var error = await Assert.ThrowsAsync<UnknownPricePlanException>(() => Invoicing(tenant).Issue(Nov, PricePlanId.Parse("gold@1"), "c1"));

        Assert.Equal(["test@1", "test@2"], error.KnownPlans);
        Assert.Empty(await Invoicing(tenant).Get("c1", Nov));
    }

    [Fact]
    public async Task The_sdk_issues_and_reads_invoices_and_refuses_bad_input_before_sending()
    {
        var tenant = NewTenant();
        await RecordAsync(tenant, "c1", 1, "storage", 20, November);
        var client = fixture.Client;

        var summary = await client.Invoices.IssueAsync(tenant, "2026-11", "c1");
        var invoices = await client.Invoices.GetAsync(tenant, "c1", "2026-11");

        Assert.Equal(5 * 10 + 10, summary.Invoices.Single().TotalMinor);
        Assert.Equal(summary.Invoices.Single().IssuedAt, invoices.Single().IssuedAt);
        await Assert.ThrowsAsync<InvalidEventException>(() => client.Invoices.IssueAsync(tenant, "2026-13"));
        await Assert.ThrowsAsync<InvalidEventException>(() => client.Invoices.IssueAsync(tenant, "2026-11", plan: "test"));
        await Assert.ThrowsAsync<InvalidEventException>(() => client.Invoices.GetAsync(tenant, "c/1", "2026-11"));
        await Assert.ThrowsAsync<InvalidEventException>(() => client.Invoices.IssueAsync("", "2026-11"));
    }
}
