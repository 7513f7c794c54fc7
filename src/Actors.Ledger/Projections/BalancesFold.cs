using System.Runtime.InteropServices;
using System.Text.Json;
using Actors.Contracts.Billing;
using Actors.Contracts.Invoicing;
using Actors.Domain.Billing;

namespace Actors.Ledger.Projections;

/// <summary>
/// Accumulates what ledger rows do to the <c>balances</c> read model, decoding each row once: its balance change (through
/// <see cref="BillingEffect"/>, the account grain's arithmetic) and, for usage, its quantity and charge per meter and window.
/// Rows outside account ledgers and rows of other event types are counted but change nothing. Not thread-safe; decoding
/// (<see cref="Decode"/>) is, so a pipeline may decode on one thread and fold on another.
/// </summary>
public sealed class BalancesFold
{
    private const string AccountLedgerPrefix = "account/";

    private static readonly HashSet<string> BillingTypes = new(StringComparer.Ordinal)
    {
        "UsageRecorded", "CreditGranted", "PaymentReceived", "AdjustmentPosted",
    };

    // One entry per account ledger: its id is hashed once per row, the few currencies and usage keys live inside.
    private readonly Dictionary<string, AccountTotals> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<BillingWindow, string> _windowNames = [];
    private int _keyCount;

    /// <summary>Rows folded since the last <see cref="Clear"/>, billing or not.</summary>
    public long Rows { get; private set; }

    /// <summary>The global position of the last row folded; 0 when none was.</summary>
    public long LastGlobalPosition { get; private set; }

    /// <summary>Distinct read-model rows the fold would write: the size of the next transaction.</summary>
    public int KeyCount => _keyCount;

    /// <summary>
    /// The billing event <paramref name="row"/> holds, or null when it changes no balance (another entity's ledger, or an
    /// event type that is not billing).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// when an account ledger's id does not match its tenant, or a billing row cannot be decoded: skipping it would
    /// silently miscount, so the projection stops on it.
    /// </exception>
    public static BillingEvent? Decode(LedgerEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.Ledger.StartsWith(AccountLedgerPrefix, StringComparison.Ordinal) || !BillingTypes.Contains(row.Type))
        {
            return null;
        }
        var ledger = row.Ledger.AsSpan(AccountLedgerPrefix.Length);
        var tenant = row.Tenant;
        if (ledger.Length <= tenant.Length + 1 || !ledger.StartsWith(tenant, StringComparison.Ordinal) || ledger[tenant.Length] != '/')
        {
            throw new InvalidOperationException(
                $"ledger '{row.Ledger}' at global position {row.GlobalPosition} is not an account ledger of tenant '{row.Tenant}'.");
        }
        try
        {
            return BillingEventCodec.Deserialize(row.Type, row.Payload);
        }
        catch (JsonException invalid)
        {
            throw new InvalidOperationException(
                $"ledger row at global position {row.GlobalPosition} ('{row.Ledger}', {row.Type}) cannot be decoded: {invalid.Message}", invalid);
        }
    }

    /// <summary>Folds in <paramref name="rows"/>, in order.</summary>
    /// <exception cref="InvalidOperationException">see <see cref="Decode"/>.</exception>
    public void AddRange(IReadOnlyList<LedgerEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            Add(rows[i], Decode(rows[i]));
        }
    }

    /// <summary>Folds in <paramref name="row"/>, whose <see cref="Decode"/> result is <paramref name="billing"/>.</summary>
    public void Add(LedgerEntry row, BillingEvent? billing)
    {
        ArgumentNullException.ThrowIfNull(row);
        Rows++;
        LastGlobalPosition = row.GlobalPosition;
        if (billing is null)
        {
            return;
        }
        ref var totals = ref CollectionsMarshal.GetValueRefOrAddDefault(_accounts, row.Ledger, out _);
        totals ??= new AccountTotals(row.Tenant, row.Ledger[(AccountLedgerPrefix.Length + row.Tenant.Length + 1)..]);
        _keyCount += totals.Apply(billing, BillingEffect.AmountMinor(billing), row.Position);
    }

    /// <summary>Everything folded since the last <see cref="Clear"/>, one delta per key, grouped by account in ledger order.</summary>
    public BalancesBatch ToBatch() => ToBatch(written: null);

    /// <summary>
    /// <see cref="ToBatch()"/>, with the deltas whose keys <paramref name="written"/> knows to be new to the version moved to
    /// <see cref="BalancesBatch.NewBalances"/> and <see cref="BalancesBatch.NewUsage"/>.
    /// </summary>
    public BalancesBatch ToBatch(WrittenKeys? written)
    {
        if (_keyCount == 0)
        {
            return BalancesBatch.Empty;
        }
        var ledgers = new string[_accounts.Count];
        _accounts.Keys.CopyTo(ledgers, 0);
        // Ledger order (ordinal, as the stores' primary keys sort): writing in index order touches each page once.
        Array.Sort(ledgers, StringComparer.Ordinal);
        var balances = new List<BalanceDelta>(ledgers.Length);
        var usage = new List<UsageDelta>(_keyCount);
        foreach (var ledger in ledgers)
        {
            _accounts[ledger].AddTo(ledger, balances, usage, _windowNames);
        }
        if (written is null)
        {
            return new BalancesBatch(balances, usage);
        }
        var (newBalances, oldBalances) = Split(balances, written.IsNew);
        var (newUsage, oldUsage) = Split(usage, written.IsNew);
        return new BalancesBatch(oldBalances, oldUsage) { NewBalances = newBalances, NewUsage = newUsage };
    }

    private static (List<T> New, List<T> Old) Split<T>(List<T> deltas, Func<T, bool> isNew)
    {
        var fresh = new List<T>(deltas.Count);
        var old = new List<T>();
        foreach (var delta in deltas)
        {
            (isNew(delta) ? fresh : old).Add(delta);
        }
        return (fresh, old);
    }

    /// <summary>Forgets everything folded, e.g. after its batch was written.</summary>
    public void Clear()
    {
        _accounts.Clear();
        _keyCount = 0;
        Rows = 0;
    }

    private sealed class AccountTotals(string tenant, string account)
    {
        private readonly List<(string Currency, long Amount, long Events, long Last)> _balances = new(1);
        private readonly Dictionary<(string Meter, BillingWindow Window, string Currency), (long Quantity, long Amount, long Events)> _usage = [];

        // Adds one event; returns how many new keys it created (0, 1 or 2).
        public int Apply(BillingEvent e, long amount, long position)
        {
            var created = 0;
            var index = _balances.Count - 1;
            while (index >= 0 && !string.Equals(_balances[index].Currency, e.Currency, StringComparison.Ordinal))
            {
                index--;
            }
            if (index < 0)
            {
                _balances.Add((e.Currency, 0, 0, 0));
                index = _balances.Count - 1;
                created++;
            }
            var balance = _balances[index];
            _balances[index] = (balance.Currency, checked(balance.Amount + amount), balance.Events + 1, Math.Max(balance.Last, position));
            if (e is UsageRecorded recorded)
            {
                ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(
                    _usage, (recorded.Meter, BillingWindow.Of(recorded.OccurredAt), recorded.Currency), out var seen);
                if (!seen)
                {
                    created++;
                }
                total = (checked(total.Quantity + recorded.Quantity), checked(total.Amount + amount), total.Events + 1);
            }
            return created;
        }

        public void AddTo(string ledger, List<BalanceDelta> balances, List<UsageDelta> usage, Dictionary<BillingWindow, string> windowNames)
        {
            foreach (var (currency, amount, events, last) in _balances)
            {
                balances.Add(new BalanceDelta(ledger, tenant, account, currency, amount, events, last));
            }
            foreach (var ((meter, window, currency), (quantity, amount, events)) in _usage)
            {
                ref var name = ref CollectionsMarshal.GetValueRefOrAddDefault(windowNames, window, out _);
                name ??= window.ToString();
                usage.Add(new UsageDelta(ledger, tenant, account, meter, name, currency, quantity, amount, events));
            }
        }
    }
}
