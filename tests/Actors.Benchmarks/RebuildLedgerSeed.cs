using Actors.Contracts.Billing;
using Actors.Domain;
using Actors.Domain.Billing;

namespace Actors.Benchmarks;

/// <summary>
/// The billing events the <c>rebuild</c> benchmark puts on the ledger: round-robin over the accounts (each account's ledger
/// positions and seqs contiguous), mostly priced usage on three meters over six months, with payments, credits and
/// adjustments mixed in; every payload is what the account grain would have written. Also sums what the projection must
/// end up with, to check the rebuild.
/// </summary>
internal sealed class RebuildLedgerSeed(int events, int accounts)
{
    public const string Tenant = "bench";

    private static readonly DateTimeOffset Epoch = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Meters = ["api-calls", "storage-gb", "cpu-seconds"];
    private static readonly TimeSpan Span = TimeSpan.FromDays(180);

    /// <summary>Sum of every account's balance in USD (the only currency), as the projection must hold it.</summary>
    public long ExpectedBalanceMinor { get; private set; }

    public int Accounts => accounts;

    public int AccountsWithEvents => Math.Min(accounts, events);

    public static string AccountId(int account) => $"acc-{account}";

    /// <summary>The rows in chunks of <paramref name="chunk"/>, generated lazily so a million rows never sit in memory at once.</summary>
    public IEnumerable<IReadOnlyList<RawRow>> Chunks(int chunk)
    {
        ExpectedBalanceMinor = 0;
        var rows = new List<RawRow>(chunk);
        var step = Span / events;
        for (var i = 0; i < events; i++)
        {
            var account = i % accounts;
            var position = i / accounts + 1;
            var e = Event(i, position, Epoch + step * i);
            ExpectedBalanceMinor += BillingEffect.AmountMinor(e);
            rows.Add(new RawRow(LedgerNames.Account(Tenant, AccountId(account)), Tenant, position, e.Source, e.Seq, e.Type, e.OccurredAt, BillingEventCodec.Serialize(e)));
            if (rows.Count == chunk)
            {
                yield return rows;
                rows = new List<RawRow>(chunk);
            }
        }
        if (rows.Count > 0)
        {
            yield return rows;
        }
    }

    private static BillingEvent Event(int i, long seq, DateTimeOffset at) => (i % 20) switch
    {
        < 16 => new UsageRecorded
        {
            Source = "meter", Seq = seq, OccurredAt = at, Currency = "USD", Meter = Meters[i % Meters.Length], Quantity = 1 + i % 9, UnitPriceMinor = 2 + i % 5,
        },
        < 18 => new PaymentReceived { Source = "bank", Seq = seq, OccurredAt = at, Currency = "USD", AmountMinor = 50 + i % 100, Reference = $"tx-{i}" },
        18 => new CreditGranted { Source = "support", Seq = seq, OccurredAt = at, Currency = "USD", AmountMinor = 10 + i % 30, Reason = "goodwill" },
        _ => new AdjustmentPosted { Source = "ops", Seq = seq, OccurredAt = at, Currency = "USD", AmountMinor = i % 41 - 20, Reason = "correction" },
    };
}
