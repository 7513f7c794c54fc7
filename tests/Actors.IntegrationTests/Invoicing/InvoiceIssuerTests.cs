using Actors.Contracts.Invoicing;
using Actors.IntegrationTests.Ledger;
using Actors.Ledger;
using Actors.Ledger.Invoicing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>
/// Issuing runs over real SQLite ledger and invoice files: many accounts in several parallel batches, reruns that return
/// the same invoices, late usage carried, and runs that fail before writing anything.
/// </summary>
public sealed class InvoiceIssuerTests : IAsyncLifetime
{
    private static readonly PricePlanId Test1 = PricePlanId.Parse("test@1");
    private static readonly DateTimeOffset November = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly TemporarySqliteFile _ledgerFile = new();
    private readonly TemporarySqliteFile _invoiceFile = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private SqliteLedgerStore _ledger = null!;
    private SqliteInvoiceStore _invoices = null!;

    private static CancellationToken Ct => TestTimeout.Token();

    public async Task InitializeAsync()
    {
        _ledger = new SqliteLedgerStore(_ledgerFile.Path);
        _invoices = new SqliteInvoiceStore(_invoiceFile.Path);
        await _ledger.InitializeAsync(Ct);
        await _invoices.InitializeAsync(Ct);
    }

    public async Task DisposeAsync()
    {
        await _ledger.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _ledgerFile.Dispose();
        _invoiceFile.Dispose();
    }

    private InvoiceIssuer Issuer() => new(_ledger, _invoices, TestPricePlans.Catalog, _clock, batchSize: 200, parallelism: 3);

    private static string Account(int i) => $"c{i:D4}";

    [Fact]
    public async Task A_tenant_run_issues_every_account_with_usage_and_a_rerun_returns_the_same_invoices()
    {
        var usage = new UsageLedger(_ledger);
        long expectedTotal = 0;
        for (var i = 0; i < 1100; i++)
        {
            if (i % 10 == 0)
            {
                // Usage of a later window only: nothing to bill in November.
                usage.Usage("acme", Account(i), "api", 5, November.AddMonths(1));
            }
            else if (i % 10 == 1)
            {
                usage.Payment("acme", Account(i), 100, November);
            }
            else
            {
                usage.Usage("acme", Account(i), "api", i, November).Usage("acme", Account(i), "storage", 12, November.AddDays(1));
                expectedTotal += 2 * i + 5 * 10 + 2;
            }
        }
        usage.Usage("acme2", "c0002", "api", 1_000_000, November);
        await usage.AppendAsync(Ct);

        var first = await Issuer().IssueAsync("acme", BillingWindow.Parse("2026-11"), Test1, account: null, Ct);
        _clock.Now = _clock.Now.AddDays(1);
        var again = await Issuer().IssueAsync("acme", BillingWindow.Parse("2026-11"), Test1, account: null, Ct);

        Assert.Equal((1100, 880, 0, 220), (first.AccountsExamined, first.Issued, first.AlreadyIssued, first.SkippedWithoutUsage));
        Assert.Equal(expectedTotal, first.TotalMinorByCurrency["USD"]);
        Assert.Empty(first.Invoices);
        Assert.Equal((1100, 0, 880, 220), (again.AccountsExamined, again.Issued, again.AlreadyIssued, again.SkippedWithoutUsage));
        Assert.Equal(expectedTotal, again.TotalMinorByCurrency["USD"]);
        var stored = await _invoices.ReadAccountsAsync("acme", [.. Enumerable.Range(0, 1100).Select(Account)], Ct);
        Assert.Equal(880, stored.Count);
        Assert.All(stored, i => Assert.Equal(_clock.Now.AddDays(-1), i.IssuedAt));
        var c0002 = stored.Single(i => i.Account == "c0002");
        Assert.Equal([new InvoiceLine("api", "2026-11", 2, 4), new InvoiceLine("storage", "2026-11", 12, 52)], c0002.Lines);
        Assert.Empty(await _invoices.ReadAccountsAsync("acme2", ["c0002"], Ct));
    }

    [Fact]
    public async Task One_account_gets_its_invoices_back_and_late_usage_goes_to_the_next_window()
    {
        var usage = new UsageLedger(_ledger);
        await usage.Usage("acme", "c1", "api", 10, November).AppendAsync(Ct);
        var november = await Issuer().IssueAsync("acme", BillingWindow.Parse("2026-11"), Test1, "c1", Ct);
        // Two November usages recorded after November's invoice, then December's own usage.
        await usage.Usage("acme", "c1", "api", 1, November).Usage("acme", "c1", "api", 1, November)
            .Usage("acme", "c1", "storage", 3, November.AddMonths(1)).AppendAsync(Ct);
        _clock.Now = _clock.Now.AddMonths(1);

        var december = await Issuer().IssueAsync("acme", BillingWindow.Parse("2026-12"), Test1, "c1", Ct);
        var decemberAgain = await Issuer().IssueAsync("acme", BillingWindow.Parse("2026-12"), Test1, "c1", Ct);

        Assert.Equal(1, november.Issued);
        Assert.Equal([new InvoiceLine("api", "2026-11", 10, 20)], november.Invoices.Single().Lines);
        Assert.Equal(1, november.Invoices.Single().ThroughPosition);
        Assert.Equal(1, december.Issued);
        Assert.Equal([new InvoiceLine("api", "2026-11", 2, 4), new InvoiceLine("storage", "2026-12", 3, 15)], december.Invoices.Single().Lines);
        Assert.Equal(4, december.Invoices.Single().ThroughPosition);
        Assert.Equal(19, december.TotalMinorByCurrency["USD"]);
        Assert.Equal((0, 1), (decemberAgain.Issued, decemberAgain.AlreadyIssued));
        InvoiceAssert.Equal(december.Invoices.Single(), decemberAgain.Invoices.Single());
    }

    [Fact]
    public async Task A_meter_the_plan_does_not_price_fails_the_whole_run_before_anything_is_written()
    {
        var usage = new UsageLedger(_ledger);
        for (var i = 0; i < 450; i++)
        {
            usage.Usage("acme", Account(i), i is 123 or 321 ? "gpu-hours" : "api", 1, November);
        }
        await usage.AppendAsync(Ct);

        var error = await Assert.ThrowsAsync<UnknownMeterException>(() =>
            Issuer().IssueAsync("acme", BillingWindow.Parse("2026-11"), Test1, account: null, Ct));

        Assert.Equal(["gpu-hours"], error.Meters);
        Assert.Equal(["c0123", "c0321"], error.Accounts);
        Assert.Contains("test@1", error.Message);
        Assert.Empty(await _invoices.ListAsync("acme", BillingWindow.Parse("2026-11"), null, 1000, Ct));
    }

    [Fact]
    public async Task An_unknown_plan_is_refused_and_an_account_without_a_ledger_is_skipped()
    {
        await new UsageLedger(_ledger).Usage("acme", "c1", "api", 1, November).AppendAsync(Ct);

        var error = await Assert.ThrowsAsync<UnknownPricePlanException>(() =>
            Issuer().IssueAsync("acme", BillingWindow.Parse("2026-11"), PricePlanId.Parse("test@9"), account: null, Ct));
        var nobody = await Issuer().IssueAsync("acme", BillingWindow.Parse("2026-11"), Test1, "nobody", Ct);

        Assert.Equal(["test@1", "test@2"], error.KnownPlans);
        Assert.Empty(await _invoices.ListAsync("acme", BillingWindow.Parse("2026-11"), null, 10, Ct));
        Assert.Equal((1, 0, 1), (nobody.AccountsExamined, nobody.Issued, nobody.SkippedWithoutUsage));
        Assert.Empty(nobody.Invoices);
    }
}
