using System.Collections.Concurrent;
using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;

namespace Actors.Ledger.Invoicing;

/// <summary>
/// Issues the invoices of a tenant's window: reads accounts' ledgers and invoices in batches (several batches at once),
/// computes each invoice with <see cref="InvoiceCalculator"/>, and stores it with
/// <see cref="IInvoiceStore.InsertOrGetManyAsync"/>, so issuing again returns the existing invoices.
/// </summary>
/// <remarks>
/// A run first computes every account's invoice and only then writes: when any account's usage has a meter the plan does
/// not price, the run fails with <see cref="UnknownMeterException"/> naming the meters and accounts, and no invoice of any
/// account is written. Computed invoices are held in memory until the write phase (a few hundred bytes per account).
/// </remarks>
public sealed class InvoiceIssuer
{
    private static readonly TimeSpan OneMicrosecond = TimeSpan.FromTicks(10);

    private readonly AccountUsageReader _usage;
    private readonly IInvoiceStore _invoices;
    private readonly PricePlanCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly int _batchSize;
    private readonly int _parallelism;

    /// <summary>An issuer over the ledger and invoice store.</summary>
    /// <param name="ledger">The ledger to read usage from.</param>
    /// <param name="invoices">The invoice store.</param>
    /// <param name="catalog">The price plans.</param>
    /// <param name="time">The clock of <see cref="Invoice.IssuedAt"/>.</param>
    /// <param name="batchSize">Accounts per ledger/invoice query and invoices per insert transaction.</param>
    /// <param name="parallelism">Batches read (and written) at the same time.</param>
    public InvoiceIssuer(ILedgerStore ledger, IInvoiceStore invoices, PricePlanCatalog catalog, TimeProvider time, int batchSize, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _usage = new AccountUsageReader(ledger);
        _invoices = invoices;
        _catalog = catalog;
        _time = time;
        _batchSize = batchSize;
        _parallelism = parallelism;
    }

    /// <summary>
    /// Issues the invoices of <paramref name="window"/> under <paramref name="planId"/> for <paramref name="account"/>, or
    /// for every account of <paramref name="tenant"/> with a ledger when it is null.
    /// </summary>
    /// <exception cref="UnknownPricePlanException">when the catalog has no such plan; nothing was read or written.</exception>
    /// <exception cref="UnknownMeterException">when any account's usage to invoice has a meter the plan does not price; nothing was written.</exception>
    public async Task<InvoiceIssueSummary> IssueAsync(string tenant, BillingWindow window, PricePlanId planId, string? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(planId);
        var plan = _catalog.Find(planId);
        var now = LedgerTimestamp.Normalize(_time.GetUtcNow());
        var pages = account is null ? _usage.ListAccountsAsync(tenant, _batchSize, cancellationToken) : OnePage(account);

        var prepared = new ConcurrentQueue<PreparedBatch>();
        await Parallel.ForEachAsync(pages, Options(cancellationToken), async (accounts, token) =>
            prepared.Enqueue(await PrepareAsync(tenant, window, plan, accounts, now, token)));

        var unknownMeters = prepared.SelectMany(b => b.UnknownMeters).ToList();
        if (unknownMeters.Count > 0)
        {
            var accounts = unknownMeters.Select(u => u.Account).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            throw new UnknownMeterException(
                plan.Id.ToString(),
                [.. unknownMeters.Select(u => u.Meter).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. accounts.Take(5)],
                accounts.Count);
        }

        var toIssue = prepared.SelectMany(b => b.ToIssue).ToList();
        var written = new ConcurrentQueue<(Invoice Invoice, bool Created)>();
        await Parallel.ForEachAsync(toIssue.Chunk(_batchSize), Options(cancellationToken), async (chunk, token) =>
        {
            foreach (var result in await _invoices.InsertOrGetManyAsync(chunk, token))
            {
                written.Enqueue(result);
            }
        });

        var existing = prepared.SelectMany(b => b.Existing).ToList();
        var all = written.Select(w => w.Invoice).Concat(existing).ToList();
        var totals = new Dictionary<string, long>();
        foreach (var invoice in all)
        {
            totals[invoice.Currency] = checked(totals.GetValueOrDefault(invoice.Currency) + invoice.TotalMinor);
        }
        var created = written.Count(w => w.Created);
        return new InvoiceIssueSummary(
            tenant,
            window.ToString(),
            plan.Id.ToString(),
            AccountsExamined: prepared.Sum(b => b.Examined),
            Issued: created,
            AlreadyIssued: all.Count - created,
            SkippedWithoutUsage: prepared.Sum(b => b.Skipped),
            TotalMinorByCurrency: totals,
            Invoices: account is null ? [] : [.. all.OrderBy(i => i.Plan, StringComparer.Ordinal)]);
    }

    private async Task<PreparedBatch> PrepareAsync(
        string tenant, BillingWindow window, PricePlan plan, IReadOnlyList<string> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var usageTask = _usage.ReadAsync(tenant, accounts, cancellationToken);
        var invoicesTask = _invoices.ReadAccountsAsync(tenant, accounts, cancellationToken);
        var usage = await usageTask;
        var invoicesByAccount = (await invoicesTask).ToLookup(i => i.Account, StringComparer.Ordinal);

        var batch = new PreparedBatch(accounts.Count);
        var windowText = window.ToString();
        var planText = plan.Id.ToString();
        foreach (var accountUsage in usage)
        {
            var accountInvoices = invoicesByAccount[accountUsage.Account].ToList();
            var existing = accountInvoices.FirstOrDefault(i => i.Window == windowText && i.Plan == planText);
            if (existing is not null)
            {
                batch.Existing.Add(existing);
                continue;
            }
            // Strictly after every invoice the account already has, even with a clock that went back, so that the
            // reconciler's PriorInvoicesThrough(through, issuedAt) later finds exactly the invoices seen here.
            var issuedAt = accountInvoices.Count == 0 ? now : Max(now, accountInvoices.Max(i => i.IssuedAt) + OneMicrosecond);
            var prior = InvoiceCalculator.PriorInvoicesThrough(accountInvoices, accountUsage.LastPosition, issuedAt);
            // Checked before computing, so that the run reports every unknown meter of every account at once.
            var unknownMeters = accountUsage.Usage
                .Where(u => !plan.Meters.ContainsKey(u.Meter) && InvoiceCalculator.Includes(u, window, accountUsage.LastPosition, prior))
                .Select(u => u.Meter)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (unknownMeters.Count > 0)
            {
                batch.UnknownMeters.AddRange(unknownMeters.Select(m => (accountUsage.Account, m)));
                continue;
            }
            var invoice = InvoiceCalculator.Compute(
                tenant, accountUsage.Account, window, plan, accountUsage.Usage, accountUsage.LastPosition, prior, issuedAt);
            if (invoice.Lines.Count == 0)
            {
                batch.Skipped++;
            }
            else
            {
                batch.ToIssue.Add(invoice);
            }
        }
        return batch;
    }

    private ParallelOptions Options(CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = _parallelism,
        CancellationToken = cancellationToken,
        // Off the caller's scheduler (a grain's is single-threaded), so batches really run side by side.
        TaskScheduler = TaskScheduler.Default,
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static IAsyncEnumerable<IReadOnlyList<string>> OnePage(string account) =>
        new IReadOnlyList<string>[] { [account] }.ToAsyncEnumerable();

    private sealed class PreparedBatch(int examined)
    {
        public int Examined { get; } = examined;
        public int Skipped { get; set; }
        public List<Invoice> ToIssue { get; } = [];
        public List<Invoice> Existing { get; } = [];
        public List<(string Account, string Meter)> UnknownMeters { get; } = [];
    }
}
