using Actors.Contracts.Billing;
using Actors.Contracts.Invoicing;
using Actors.Domain;
using Actors.Domain.Billing;
using Actors.Domain.Invoicing;

namespace Actors.Benchmarks;

/// <summary>
/// A tenant of <c>N</c> accounts with November 2026 activity for the <c>reconcile</c> benchmark: per account two usages
/// (api, storage) and a payment; every 100th account also has its api usage recorded again under another key (duplicated
/// usage), and every 100th account, offset by 50, gets an invoice with a wrong amount (rating inconsistency). The others are
/// clean, so the run must find exactly <see cref="ExpectedMismatches"/>.
/// </summary>
internal sealed class ReconcileLedgerSeed(int accounts)
{
    public const string Tenant = "bench";
    public static readonly BillingWindow Window = new(2026, 11);
    private static readonly DateTimeOffset Day = Window.Start;
    private static readonly DateTimeOffset IssuedAt = Window.End.AddHours(1);

    public int Accounts => accounts;

    /// <summary>The accounts with a duplicated usage plus those with a wrong invoice.</summary>
    public long ExpectedMismatches => Count(a => a % 100 == 0) + Count(a => a % 100 == 50);

    public static string AccountId(int account) => $"acc-{account:D7}";

    public IEnumerable<IReadOnlyList<RawRow>> LedgerChunks(int accountsPerChunk)
    {
        foreach (var chunk in Enumerable.Range(0, accounts).Chunk(accountsPerChunk))
        {
            yield return [.. chunk.SelectMany(a => Events(a).Select((e, i) => Row(a, i + 1, e)))];
        }
    }

    /// <summary>Each account's invoice for the window under <paramref name="plan"/>, as the issuer computes it (or the planted wrong one).</summary>
    public IEnumerable<IReadOnlyList<Invoice>> InvoiceChunks(PricePlan plan, int accountsPerChunk)
    {
        foreach (var chunk in Enumerable.Range(0, accounts).Chunk(accountsPerChunk))
        {
            yield return [.. chunk.Select(a => Invoice(a, plan))];
        }
    }

    private Invoice Invoice(int account, PricePlan plan)
    {
        var events = Events(account);
        var usage = events.Select((e, i) => (e, i)).Where(p => p.e is UsageRecorded)
            .Select(p => UsageItem.From(p.i + 1, (UsageRecorded)p.e)).ToList();
        var invoice = InvoiceCalculator.Compute(Tenant, AccountId(account), Window, plan, usage, events.Count, [], IssuedAt);
        return account % 100 == 50
            ? invoice with { Lines = [invoice.Lines[0] with { AmountMinor = invoice.Lines[0].AmountMinor + 7 }, .. invoice.Lines.Skip(1)], TotalMinor = invoice.TotalMinor + 7 }
            : invoice;
    }

    private static List<BillingEvent> Events(int account)
    {
        var api = new UsageRecorded { Source = "meter", Seq = 1, OccurredAt = Day.AddDays(4), Currency = "USD", Meter = "api", Quantity = 1 + account % 9, UnitPriceMinor = 2 };
        List<BillingEvent> events =
        [
            api,
            new UsageRecorded { Source = "meter", Seq = 2, OccurredAt = Day.AddDays(11), Currency = "USD", Meter = "storage", Quantity = 100 + account % 50, UnitPriceMinor = 5 },
            new PaymentReceived { Source = "bank", Seq = 1, OccurredAt = Day.AddDays(19), Currency = "USD", AmountMinor = 100, Reference = $"tx-{account}" },
        ];
        if (account % 100 == 0)
        {
            events.Add(api with { Source = "meter-replay", Seq = 1 });
        }
        return events;
    }

    private static RawRow Row(int account, long position, BillingEvent e) =>
        new(LedgerNames.Account(Tenant, AccountId(account)), Tenant, position, e.Source, e.Seq, e.Type, e.OccurredAt, BillingEventCodec.Serialize(e));

    private long Count(Func<int, bool> predicate) => Enumerable.Range(0, accounts).LongCount(predicate);
}
