using Actors.Contracts.Billing;
using Actors.Contracts.Invoicing;
using Actors.Domain;
using Actors.Domain.Billing;
using Actors.Ledger;

namespace Actors.IntegrationTests.Projections;

/// <summary>
/// Seeded random billing events for a few accounts of one tenant, as ledger rows, with the expected balances folded by
/// the domain's own <see cref="AccountState"/> (the reference the projection must agree with) and the expected usage per
/// meter, window and currency summed from the events themselves. Events span several billing windows.
/// </summary>
internal sealed class BillingHistory
{
    public const string Tenant = "t1";

    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Currencies = ["EUR", "USD"];

    private readonly Random _random;
    private readonly string[] _accounts;
    private readonly Dictionary<string, AccountState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<(string Meter, string Window, string Currency), (long Quantity, long Amount, long Events)>> _usage =
        new(StringComparer.Ordinal);
    private int _otherRows;

    public BillingHistory(int seed, int accountCount)
    {
        _random = new Random(seed);
        _accounts = [.. Enumerable.Range(1, accountCount).Select(i => $"acc-{seed}-{i}")];
        foreach (var account in _accounts)
        {
            _states.Add(account, new AccountState());
            _usage.Add(account, []);
        }
    }

    public IReadOnlyList<string> Accounts => _accounts;

    public long EventCount => _states.Values.Sum(s => s.EventCount);

    /// <summary>The next <paramref name="count"/> rows; about one in ten belongs to a non-account ledger the projection must pass over.</summary>
    public IReadOnlyList<LedgerAppend> NextRows(int count)
    {
        var rows = new List<LedgerAppend>(count);
        for (var i = 0; i < count; i++)
        {
            if (_random.Next(10) == 0)
            {
                _otherRows++;
                rows.Add(new LedgerAppend($"order/{Tenant}/o-{_otherRows}", Tenant, 1, "orders", 1, "OrderPlaced", Start, """{"sku":"a"}"""));
                continue;
            }
            var account = _accounts[_random.Next(_accounts.Length)];
            var state = _states[account];
            var position = state.Position + 1;
            var e = NextEvent(position);
            state.Apply(e, position);
            if (e is UsageRecorded usage)
            {
                var key = (usage.Meter, BillingWindow.Of(usage.OccurredAt).ToString(), usage.Currency);
                var (quantity, amount, events) = _usage[account].GetValueOrDefault(key);
                _usage[account][key] = (quantity + usage.Quantity, amount + usage.Quantity * (usage.UnitPriceMinor ?? 0), events + 1);
            }
            rows.Add(new LedgerAppend(LedgerNames.Account(Tenant, account), Tenant, position, e.Source, e.Seq, e.Type, e.OccurredAt, BillingEventCodec.Serialize(e)));
        }
        return rows;
    }

    public AccountState Expected(string account) => _states[account];

    /// <summary>The account's usage rows as the projection should hold them: (meter, window, currency, quantity, amount, events), sorted.</summary>
    public IReadOnlyList<(string Meter, string Window, string Currency, long Quantity, long Amount, long Events)> ExpectedUsage(string account) =>
        _usage[account]
            .OrderBy(p => p.Key.Meter, StringComparer.Ordinal).ThenBy(p => p.Key.Window, StringComparer.Ordinal).ThenBy(p => p.Key.Currency, StringComparer.Ordinal)
            .Select(p => (p.Key.Meter, p.Key.Window, p.Key.Currency, p.Value.Quantity, p.Value.Amount, p.Value.Events)).ToList();

    private BillingEvent NextEvent(long seq)
    {
        var currency = Currencies[_random.Next(Currencies.Length)];
        // 17 hours apart: an account's events cross from one UTC month into the next, so usage lands in several windows.
        var at = Start.AddHours(seq * 17);
        return _random.Next(5) switch
        {
            0 => new UsageRecorded { Source = "meter", Seq = seq, OccurredAt = at, Currency = currency, Meter = "api", Quantity = _random.Next(1, 50) },
            1 or 2 => new UsageRecorded
            {
                Source = "meter", Seq = seq, OccurredAt = at, Currency = currency, Meter = "cpu", Quantity = _random.Next(1, 50), UnitPriceMinor = _random.Next(1, 300),
            },
            3 => new CreditGranted { Source = "support", Seq = seq, OccurredAt = at, Currency = currency, AmountMinor = _random.Next(1, 2000) },
            _ => _random.Next(2) == 0
                ? new PaymentReceived { Source = "bank", Seq = seq, OccurredAt = at, Currency = currency, AmountMinor = _random.Next(1, 5000) }
                : new AdjustmentPosted { Source = "ops", Seq = seq, OccurredAt = at, Currency = currency, AmountMinor = _random.Next(-1000, 1000) },
        };
    }
}
