using Actors.Contracts.Invoicing;
using Actors.IntegrationTests.Databases;
using Actors.Ledger.Invoicing;
using Xunit;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>The <see cref="IInvoiceStore"/> contract, run against every store: each derived class supplies a real database.</summary>
public abstract class InvoiceStoreContractTests : StoreContractTests<IInvoiceStore>
{
    protected sealed override Task InitializeStoreAsync(IInvoiceStore store, CancellationToken cancellationToken) =>
        store.InitializeAsync(cancellationToken);

    [Fact]
    public async Task An_inserted_invoice_is_found_and_issuing_again_returns_it_unchanged()
    {
        var tenant = SampleInvoices.NewTenant();
        var invoice = SampleInvoices.Of(tenant, "c1");

        var (first, created) = await Store.InsertOrGetAsync(invoice, Ct);
        var (again, createdAgain) = await Store.InsertOrGetAsync(invoice with { TotalMinor = 99_999, ThroughPosition = 70 }, Ct);

        Assert.True(created);
        InvoiceAssert.Equal(invoice, first);
        Assert.False(createdAgain);
        InvoiceAssert.Equal(invoice, again);
        InvoiceAssert.Equal(invoice, (await Store.FindAsync(tenant, "c1", BillingWindow.Parse("2026-11"), PricePlanId.Parse("standard@1"), Ct))!);
        Assert.Null(await Store.FindAsync(tenant, "c1", BillingWindow.Parse("2026-11"), PricePlanId.Parse("standard@2"), Ct));
        Assert.Null(await Store.FindAsync(tenant, "c1", BillingWindow.Parse("2026-12"), PricePlanId.Parse("standard@1"), Ct));
    }

    [Fact]
    public async Task Each_plan_version_of_a_window_is_an_invoice_of_its_own()
    {
        var tenant = SampleInvoices.NewTenant();
        var v1 = SampleInvoices.Of(tenant, "c1", plan: "standard@1", total: 100);
        var v2 = SampleInvoices.Of(tenant, "c1", plan: "standard@2", total: 200);

        Assert.True((await Store.InsertOrGetAsync(v1, Ct)).Created);
        Assert.True((await Store.InsertOrGetAsync(v2, Ct)).Created);

        InvoiceAssert.Equal([v1, v2], await Store.ReadAccountsAsync(tenant, ["c1"], Ct));
    }

    [Fact]
    public async Task Issue_time_is_kept_to_the_microsecond_and_returned_as_stored()
    {
        var tenant = SampleInvoices.NewTenant();
        var invoice = SampleInvoices.Of(tenant, "c1") with { IssuedAt = new DateTimeOffset(2026, 12, 1, 4, 5, 6, TimeSpan.FromHours(2)).AddTicks(1_234_567) };

        var (stored, _) = await Store.InsertOrGetAsync(invoice, Ct);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 5, 6, TimeSpan.Zero).AddTicks(1_234_560), stored.IssuedAt);
        Assert.Equal(TimeSpan.Zero, stored.IssuedAt.Offset);
        InvoiceAssert.Equal(stored, (await Store.ReadAccountsAsync(tenant, ["c1"], Ct)).Single());
    }

    [Fact]
    public async Task A_batch_with_one_key_twice_creates_the_first_and_returns_it_for_both()
    {
        var tenant = SampleInvoices.NewTenant();
        var first = SampleInvoices.Of(tenant, "c1", total: 10);
        var other = SampleInvoices.Of(tenant, "c2");

        var results = await Store.InsertOrGetManyAsync([first, other, first with { TotalMinor = 20 }], Ct);

        Assert.Equal([true, true, false], results.Select(r => r.Created));
        InvoiceAssert.Equal(first, results[0].Invoice);
        InvoiceAssert.Equal(other, results[1].Invoice);
        InvoiceAssert.Equal(first, results[2].Invoice);
    }

    [Fact]
    public async Task Concurrent_issuers_on_two_store_instances_create_each_invoice_once()
    {
        var tenant = SampleInvoices.NewTenant();
        var second = await OpenStoreAsync();
        var accounts = Enumerable.Range(0, 5).Select(i => $"c{i}").ToList();

        // Every issuer computes its own content (a different total) for the same keys, like two silos racing.
        var attempts = Enumerable.Range(0, 16).Select(attempt => Task.Run(async () =>
        {
            var store = attempt % 2 == 0 ? Store : second;
            var batch = accounts.Select(a => SampleInvoices.Of(tenant, a, total: 1000 + attempt)).ToList();
            if (attempt % 4 < 2)
            {
                batch.Reverse();
            }
            return attempt % 3 == 0
                ? [await store.InsertOrGetAsync(batch[0], Ct)]
                : await store.InsertOrGetManyAsync(batch, Ct);
        })).ToList();
        var results = (await Task.WhenAll(attempts)).SelectMany(r => r).ToList();

        var stored = await Store.ReadAccountsAsync(tenant, accounts, Ct);
        Assert.Equal(accounts.Count, stored.Count);
        foreach (var invoice in stored)
        {
            var forAccount = results.Where(r => r.Invoice.Account == invoice.Account).ToList();
            Assert.Single(forAccount, r => r.Created);
            Assert.All(forAccount, r => InvoiceAssert.Equal(invoice, r.Invoice));
        }
    }

    [Fact]
    public async Task Accounts_are_read_in_one_batch_with_every_window_and_plan()
    {
        var tenant = SampleInvoices.NewTenant();
        var invoices = Enumerable.Range(0, 600)
            .SelectMany(i => i % 3 == 0
                ? [SampleInvoices.Of(tenant, $"c{i:D4}", "2026-10"), SampleInvoices.Of(tenant, $"c{i:D4}", "2026-11")]
                : new[] { SampleInvoices.Of(tenant, $"c{i:D4}", "2026-11") })
            .ToList();
        await Store.InsertOrGetManyAsync(invoices, Ct);
        await Store.InsertOrGetAsync(SampleInvoices.Of(SampleInvoices.NewTenant(), "c0000"), Ct);
        var asked = Enumerable.Range(0, 700).Where(i => i % 2 == 0).Select(i => $"c{i:D4}").ToList();

        var read = await Store.ReadAccountsAsync(tenant, asked, Ct);

        var expected = invoices.Where(i => asked.Contains(i.Account))
            .OrderBy(i => i.Account, StringComparer.Ordinal).ThenBy(i => i.Window, StringComparer.Ordinal).ToList();
        Assert.Equal(400, expected.Count);
        InvoiceAssert.Equal(expected, read);
        Assert.Empty(await Store.ReadAccountsAsync(tenant, [], Ct));
    }

    [Fact]
    public async Task A_window_is_listed_in_pages_of_whole_accounts()
    {
        var tenant = SampleInvoices.NewTenant();
        var november = new List<Invoice>();
        foreach (var account in new[] { "a", "B", "b", "c-1", "c.2" })
        {
            november.Add(SampleInvoices.Of(tenant, account, plan: "standard@1"));
            if (account is "b" or "c-1")
            {
                november.Add(SampleInvoices.Of(tenant, account, plan: "standard@2"));
            }
        }
        await Store.InsertOrGetManyAsync([.. november, SampleInvoices.Of(tenant, "a", "2026-12")], Ct);

        var pages = new List<IReadOnlyList<Invoice>>();
        string? after = null;
        while (true)
        {
            var page = await Store.ListAsync(tenant, BillingWindow.Parse("2026-11"), after, 2, Ct);
            if (page.Count == 0)
            {
                break;
            }
            pages.Add(page);
            after = page[^1].Account;
        }

        // Ordinal order ("B" before "a"), and an account's plans never split across pages.
        Assert.Equal([["B", "a"], ["b", "b", "c-1", "c-1"], ["c.2"]], pages.Select(p => p.Select(i => i.Account).ToArray()));
        InvoiceAssert.Equal(november.OrderBy(i => i.Account, StringComparer.Ordinal).ThenBy(i => i.Plan, StringComparer.Ordinal).ToList(),
            [.. pages.SelectMany(p => p)]);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_invoice()
    {
        var tenant = SampleInvoices.NewTenant();
        var invoice = SampleInvoices.Of(tenant, "c1");
        await Store.InsertOrGetAsync(invoice, Ct);

        var update = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync($"UPDATE invoices SET total_minor = 1 WHERE tenant = '{tenant}'"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync($"DELETE FROM invoices WHERE tenant = '{tenant}'"));

        Assert.Contains("immutable", update.Message, StringComparison.Ordinal);
        Assert.Contains("immutable", delete.Message, StringComparison.Ordinal);
        InvoiceAssert.Equal(invoice, (await Store.ReadAccountsAsync(tenant, ["c1"], Ct)).Single());
    }

    [Fact]
    public async Task Initialising_again_keeps_the_invoices()
    {
        var tenant = SampleInvoices.NewTenant();
        var invoice = SampleInvoices.Of(tenant, "c1");
        await Store.InsertOrGetAsync(invoice, Ct);

        var reopened = await OpenStoreAsync();
        await reopened.InitializeAsync(Ct);

        InvoiceAssert.Equal(invoice, (await reopened.ReadAccountsAsync(tenant, ["c1"], Ct)).Single());
    }

    [Theory]
    [InlineData("2026-1", "standard@1")]
    [InlineData("2026-11", "Standard@1")]
    [InlineData("2026-11", "standard@01")]
    public async Task A_malformed_window_or_plan_is_refused_and_nothing_is_written(string window, string plan)
    {
        var tenant = SampleInvoices.NewTenant();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.InsertOrGetManyAsync([SampleInvoices.Of(tenant, "c1"), SampleInvoices.Of(tenant, "c2", window, plan)], Ct));

        Assert.Empty(await Store.ReadAccountsAsync(tenant, ["c1", "c2"], Ct));
    }
}
