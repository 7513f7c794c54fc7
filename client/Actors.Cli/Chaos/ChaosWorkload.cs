namespace Actors.Cli.Chaos;

/// <summary>
/// Decides the next operation of the mixed load from a seed: usage and payments on accounts, receipts, reservations and
/// confirmations on SKUs, alerts about principals, and deliberate duplicates of calls already acknowledged. It learns
/// from <see cref="Acknowledged"/> which reservations are held (to confirm them) and which calls can be repeated.
/// </summary>
public sealed class ChaosWorkload
{
    /// <summary>Source of usage events.</summary>
    public const string UsageSource = "chaos-meter";

    /// <summary>Source of payments.</summary>
    public const string PaymentSource = "chaos-bank";

    /// <summary>Source of stock receipts.</summary>
    public const string ReceiveSource = "chaos-wms";

    /// <summary>Source of alerts.</summary>
    public const string AlertSource = "chaos-detector";

    /// <summary>The one location all SKUs are stocked at.</summary>
    public const string Location = "main";

    /// <summary>The meter usage is recorded on (a meter of the standard price plan, so invoices can rate it).</summary>
    public const string Meter = "api-calls";

    private readonly Random _random;
    private readonly ChaosSettings _settings;
    private readonly DateTimeOffset _epoch;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _nextSeq = new(StringComparer.Ordinal);
    private readonly List<ChaosOperation> _repeatable = [];
    private readonly List<ChaosOperation> _held = [];
    private readonly HashSet<string> _stocked = new(StringComparer.Ordinal);
    private long _nextId;
    private long _nextReservation;
    private long _nextAlert;

    /// <summary>A workload for <paramref name="settings"/>; event times count up from <paramref name="epoch"/>, one millisecond per operation.</summary>
    public ChaosWorkload(ChaosSettings settings, DateTimeOffset epoch)
    {
        _settings = settings;
        _random = new Random(settings.Seed);
        _epoch = epoch;
    }

    /// <summary>The next operation to send.</summary>
    public ChaosOperation Next()
    {
        lock (_gate)
        {
            var id = ++_nextId;
            var roll = _random.Next(100);
            if (roll < 10 && _repeatable.Count > 0)
            {
                var original = _repeatable[_random.Next(_repeatable.Count)];
                return original with { Id = id, DuplicateOf = original.Id };
            }
            if (roll < 20 && _held.Count > 0)
            {
                var index = _random.Next(_held.Count);
                var reservation = _held[index];
                _held.RemoveAt(index);
                return new ChaosOperation(id, ChaosOperationKind.Confirm, reservation.Target, reservation.Source, 0, reservation.Quantity, 0, At(id));
            }
            var sku = Sku(_random.Next(_settings.Skus));
            if (roll < 30 || !_stocked.Contains(sku))
            {
                _stocked.Add(sku);
                return Keyed(id, ChaosOperationKind.Receive, sku, ReceiveSource, quantity: _random.Next(20, 61), amount: 0);
            }
            if (roll < 45)
            {
                var reservationId = $"chaos-r{++_nextReservation}";
                return new ChaosOperation(id, ChaosOperationKind.Reserve, sku, reservationId, 0, _random.Next(1, 4), 0, At(id));
            }
            if (roll < 57)
            {
                return new ChaosOperation(id, ChaosOperationKind.Alert, Principal(_random.Next(_settings.Principals)), AlertSource, ++_nextAlert, 0, 0, At(id));
            }
            var account = Account(_random.Next(_settings.Accounts));
            return roll < 70
                ? Keyed(id, ChaosOperationKind.Payment, account, PaymentSource, quantity: 0, amount: _random.Next(1, 500))
                : Keyed(id, ChaosOperationKind.Usage, account, UsageSource, quantity: _random.Next(1, 100), amount: _random.Next(1, 20));
        }
    }

    /// <summary>Learns from an acknowledgement: a held reservation can be confirmed, an applied call can be repeated.</summary>
    public void Acknowledged(Acknowledgement acknowledgement)
    {
        var operation = acknowledgement.Operation;
        if (operation.IsDeliberateDuplicate || acknowledgement.Refused)
        {
            return;
        }
        lock (_gate)
        {
            _repeatable.Add(operation);
            if (operation.Kind == ChaosOperationKind.Reserve)
            {
                _held.Add(operation);
            }
        }
    }

    /// <summary>The name of account number <paramref name="index"/>.</summary>
    public static string Account(int index) => $"acc-{index + 1}";

    /// <summary>The name of SKU number <paramref name="index"/>.</summary>
    public static string Sku(int index) => $"sku-{index + 1}";

    /// <summary>The name of principal number <paramref name="index"/>.</summary>
    public static string Principal(int index) => $"user-{index + 1}";

    private ChaosOperation Keyed(long id, ChaosOperationKind kind, string target, string source, long quantity, long amount)
    {
        var key = $"{kind}/{target}";
        var seq = _nextSeq.GetValueOrDefault(key) + 1;
        _nextSeq[key] = seq;
        return new ChaosOperation(id, kind, target, source, seq, quantity, amount, At(id));
    }

    // Distinct event times keep two usage events of equal quantity from looking like one usage sent under two keys.
    private DateTimeOffset At(long id) => _epoch.AddMilliseconds(id);
}
