using Actors.Contracts.Inventory;
using Actors.Domain.Dedup;

namespace Actors.Domain.Inventory;

/// <summary>
/// One SKU-location's stock as derived from its ledger: the buckets, the reservations, the receipt and adjustment totals
/// that <see cref="StockInvariant"/> checks against, and the dedup marks of the events applied. A cache of the ledger
/// that replaying the transitions from scratch rebuilds exactly.
/// </summary>
public sealed class StockState
{
    private readonly Dictionary<string, Reservation> _reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OutboundTransfer> _outbound = new(StringComparer.Ordinal);
    private readonly HashSet<string> _receivedTransfers = new(StringComparer.Ordinal);

    // Held reservations by expiry, so an expiry sweep (run before every reservation) costs what it finds, not a scan of
    // every reservation the SKU-location ever took.
    private readonly SortedSet<(DateTimeOffset ExpiresAt, string Id)> _held = new(HeldOrder.Instance);

    /// <summary>No stock, version 0; dedup sets keep at most <paramref name="maxIntervals"/> intervals.</summary>
    public StockState(int maxIntervals = SequenceSet.DefaultMaxIntervals)
        : this(new DedupIndex(maxIntervals))
    {
    }

    private StockState(DedupIndex dedup) => Dedup = dedup;

    /// <summary>Units per bucket.</summary>
    public StockBuckets Buckets { get; private set; } = StockBuckets.Empty;

    /// <summary>How many transitions were applied; the ledger position of the latest one.</summary>
    public long Version { get; private set; }

    /// <summary>The latest time among the applied transitions; <see cref="DateTimeOffset.MinValue"/> before any.</summary>
    public DateTimeOffset AsOf { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Units ever received.</summary>
    public long Received { get; private set; }

    /// <summary>The signed sum of every adjustment.</summary>
    public long NetAdjusted { get; private set; }

    /// <summary>Units received from other shards of the SKU-location.</summary>
    public long TransferredIn { get; private set; }

    /// <summary>Units sent to other shards whose transfer completed (in-flight ones are in <see cref="StockBuckets.InTransit"/>).</summary>
    public long TransferredOut { get; private set; }

    /// <summary>Every transfer this shard sent, by id, including completed ones (they answer repeats).</summary>
    public IReadOnlyDictionary<string, OutboundTransfer> OutboundTransfers => _outbound;

    /// <summary>The ids of the transfers this shard received.</summary>
    public IReadOnlySet<string> ReceivedTransfers => _receivedTransfers;

    /// <summary>Every reservation placed, by id, including settled ones (they answer retries).</summary>
    public IReadOnlyDictionary<string, Reservation> Reservations => _reservations;

    /// <summary>The reservations holding units (status Reserved), earliest expiry first (ties by id).</summary>
    public IEnumerable<Reservation> HeldByExpiry => _held.Select(h => _reservations[h.Id]);

    /// <summary>How many reservations hold units.</summary>
    public int HeldCount => _held.Count;

    /// <summary>Which <c>(source, seq)</c> keys the applied events used.</summary>
    public DedupIndex Dedup { get; }

    /// <summary>The read model: buckets at this version.</summary>
    public StockSnapshot ToSnapshot() => new(Version, Buckets, AsOf);

    /// <summary>The state as plain data; <see cref="FromStateSnapshot"/> restores it exactly.</summary>
    public StockStateSnapshot ToStateSnapshot() => new()
    {
        Version = Version,
        AsOf = AsOf,
        Buckets = Buckets,
        Received = Received,
        NetAdjusted = NetAdjusted,
        TransferredIn = TransferredIn,
        TransferredOut = TransferredOut,
        OutboundTransfers = [.. _outbound.Values.OrderBy(t => t.TransferId, StringComparer.Ordinal)],
        ReceivedTransfers = [.. _receivedTransfers.Order(StringComparer.Ordinal)],
        Reservations = [.. _reservations.Values.OrderBy(r => r.Id, StringComparer.Ordinal)],
        Dedup = Dedup.ToSnapshot(),
    };

    /// <summary>Restores a state saved by <see cref="ToStateSnapshot"/>; replay the ledger after its version to catch up.</summary>
    /// <exception cref="InvalidOperationException">
    /// when the format is unknown, the version negative, a reservation id empty or repeated, or the state breaks a
    /// <see cref="StockInvariant"/>: a corrupt snapshot must not be served as stock.
    /// </exception>
    public static StockState FromStateSnapshot(StockStateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Format != StockStateSnapshot.CurrentFormat)
        {
            throw new InvalidOperationException($"stock snapshot format {snapshot.Format} is not supported (expected {StockStateSnapshot.CurrentFormat}).");
        }
        if (snapshot.Version < 0)
        {
            throw new InvalidOperationException($"stock snapshot has a negative version ({snapshot.Version}).");
        }
        var state = new StockState(DedupIndex.FromSnapshot(snapshot.Dedup ?? new DedupSnapshot()))
        {
            Version = snapshot.Version,
            AsOf = snapshot.AsOf,
            Buckets = snapshot.Buckets ?? StockBuckets.Empty,
            Received = snapshot.Received,
            NetAdjusted = snapshot.NetAdjusted,
            TransferredIn = snapshot.TransferredIn,
            TransferredOut = snapshot.TransferredOut,
        };
        foreach (var transfer in snapshot.OutboundTransfers ?? [])
        {
            if (string.IsNullOrEmpty(transfer?.TransferId) || !state._outbound.TryAdd(transfer.TransferId, transfer))
            {
                throw new InvalidOperationException($"stock snapshot has an empty or repeated outbound transfer id ({transfer}).");
            }
        }
        foreach (var id in snapshot.ReceivedTransfers ?? [])
        {
            if (string.IsNullOrEmpty(id) || !state._receivedTransfers.Add(id))
            {
                throw new InvalidOperationException($"stock snapshot has an empty or repeated received transfer id ('{id}').");
            }
        }
        foreach (var reservation in snapshot.Reservations ?? [])
        {
            if (string.IsNullOrEmpty(reservation?.Id) || !state._reservations.TryAdd(reservation.Id, reservation))
            {
                throw new InvalidOperationException($"stock snapshot has an empty or repeated reservation id ({reservation}).");
            }
            if (reservation.Status == ReservationStatus.Reserved)
            {
                state._held.Add((reservation.ExpiresAt, reservation.Id));
            }
        }
        if (StockInvariant.Check(state) is { Count: > 0 } broken)
        {
            throw new InvalidOperationException($"stock snapshot at version {snapshot.Version} is inconsistent: {string.Join(" ", broken)}");
        }
        return state;
    }

    /// <summary>Applies <paramref name="transition"/> and advances <see cref="Version"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// when the transition cannot apply to this state (a bucket would go negative, the reservation is unknown or not in
    /// the needed status, the event's key was applied already): the replay is broken, and carrying on would miscount.
    /// The state is left unchanged.
    /// </exception>
    public void Apply(StockTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (transition is StockEventRecorded { Event: var e } && Dedup.Check(e.Source, e.Seq) == DedupVerdict.Seen)
        {
            throw new InvalidOperationException($"({e.Source}, {e.Seq}) was already applied.");
        }
        if (Refusal(transition, out var effect) is { } refusal)
        {
            throw new InvalidOperationException($"transition {transition} cannot apply at version {Version}: {refusal}");
        }

        Buckets = effect.Buckets;
        Received = effect.Received;
        NetAdjusted = effect.NetAdjusted;
        TransferredIn = effect.TransferredIn;
        TransferredOut = effect.TransferredOut;
        if (effect.Reservation is { } reservation)
        {
            if (_reservations.TryGetValue(reservation.Id, out var before) && before.Status == ReservationStatus.Reserved)
            {
                _held.Remove((before.ExpiresAt, before.Id));
            }
            _reservations[reservation.Id] = reservation;
            if (reservation.Status == ReservationStatus.Reserved)
            {
                _held.Add((reservation.ExpiresAt, reservation.Id));
            }
        }
        if (effect.Outbound is { } outbound)
        {
            _outbound[outbound.TransferId] = outbound;
        }
        if (effect.ReceivedTransferId is { } receivedId)
        {
            _receivedTransfers.Add(receivedId);
        }
        if (transition is StockEventRecorded recorded)
        {
            Dedup.Mark(recorded.Event.Source, recorded.Event.Seq);
        }
        Version++;
        if (transition.At > AsOf)
        {
            AsOf = transition.At;
        }
    }

    /// <summary>
    /// Why <paramref name="transition"/> cannot apply, or null with its <paramref name="effect"/>. The decider and
    /// <see cref="Apply"/> share it, so what is accepted is exactly what replays.
    /// </summary>
    internal string? Refusal(StockTransition transition, out StockEffect effect)
    {
        effect = new StockEffect(Buckets, Received, NetAdjusted, TransferredIn, TransferredOut, null, null, null);
        var b = Buckets;
        try
        {
            switch (transition)
            {
                case StockEventRecorded { Event: var e }:
                    return EventRefusal(e, ref effect);
                case ReservationPlaced placed:
                    if (string.IsNullOrEmpty(placed.ReservationId) || placed.Quantity <= 0)
                    {
                        return "a reservation needs an id and a positive quantity.";
                    }
                    if (_reservations.ContainsKey(placed.ReservationId))
                    {
                        return $"reservation '{placed.ReservationId}' exists already.";
                    }
                    effect = effect with
                    {
                        Buckets = b with { Available = b.Available - placed.Quantity, Reserved = checked(b.Reserved + placed.Quantity) },
                        Reservation = new Reservation(placed.ReservationId, placed.Quantity, placed.ExpiresAt, ReservationStatus.Reserved),
                    };
                    break;
                case ReservationConfirmed confirmed:
                    return Settle(confirmed.ReservationId, ReservationStatus.Confirmed, ref effect);
                case ReservationReleased released:
                    return Settle(released.ReservationId, ReservationStatus.Released, ref effect);
                case ReservationExpired expired:
                    return Settle(expired.ReservationId, ReservationStatus.Expired, ref effect);
                case TransferSent sent:
                    if (string.IsNullOrEmpty(sent.TransferId) || sent.Quantity <= 0 || sent.ToShard < 0 || !StockTransfer.IsMovable(sent.Bucket))
                    {
                        return "a transfer needs an id, a positive quantity, a shard and a movable bucket (available or shipped).";
                    }
                    if (_outbound.ContainsKey(sent.TransferId) || _receivedTransfers.Contains(sent.TransferId))
                    {
                        return $"transfer '{sent.TransferId}' is known here already.";
                    }
                    effect = effect with
                    {
                        Buckets = Take(b, sent.Bucket, sent.Quantity) with { InTransit = checked(b.InTransit + sent.Quantity) },
                        Outbound = new OutboundTransfer(sent.TransferId, sent.ToShard, sent.Bucket, sent.Quantity, sent.At, Completed: false),
                    };
                    break;
                case TransferReceived received:
                    if (string.IsNullOrEmpty(received.TransferId) || received.Quantity <= 0 || received.FromShard < 0 || !StockTransfer.IsMovable(received.Bucket))
                    {
                        return "a transfer needs an id, a positive quantity, a shard and a movable bucket (available or shipped).";
                    }
                    if (_receivedTransfers.Contains(received.TransferId) || _outbound.ContainsKey(received.TransferId))
                    {
                        return $"transfer '{received.TransferId}' is known here already.";
                    }
                    effect = effect with
                    {
                        Buckets = Take(b, received.Bucket, -received.Quantity),
                        TransferredIn = checked(TransferredIn + received.Quantity),
                        ReceivedTransferId = received.TransferId,
                    };
                    break;
                case TransferCompleted completed:
                    if (string.IsNullOrEmpty(completed.TransferId) || !_outbound.TryGetValue(completed.TransferId, out var outbound))
                    {
                        return $"transfer '{completed.TransferId}' was not sent from here.";
                    }
                    if (outbound.Completed)
                    {
                        return $"transfer '{completed.TransferId}' is completed already.";
                    }
                    effect = effect with
                    {
                        Buckets = b with { InTransit = b.InTransit - outbound.Quantity },
                        TransferredOut = checked(TransferredOut + outbound.Quantity),
                        Outbound = outbound with { Completed = true },
                    };
                    break;
                default:
                    return $"'{transition.GetType().Name}' is not a stock transition.";
            }
        }
        catch (OverflowException)
        {
            return "a count would overflow.";
        }
        return NegativeBucket(effect.Buckets);
    }

    private string? EventRefusal(StockEvent e, ref StockEffect effect)
    {
        if (StockEventValidation.Problem(e) is { } problem)
        {
            return problem;
        }
        var b = Buckets;
        switch (e)
        {
            case StockReceived received:
                effect = effect with
                {
                    Buckets = b with { Available = checked(b.Available + received.Quantity) },
                    Received = checked(Received + received.Quantity),
                };
                break;
            case StockAdjusted adjusted:
                effect = effect with
                {
                    Buckets = b with { Available = checked(b.Available + adjusted.Delta) },
                    NetAdjusted = checked(NetAdjusted + adjusted.Delta),
                };
                break;
            case ShipmentDispatched { ReservationId: { Length: > 0 } id }:
                if (!_reservations.TryGetValue(id, out var reservation) || reservation.Status != ReservationStatus.Confirmed)
                {
                    return $"reservation '{id}' is not confirmed, so it has no committed units to dispatch.";
                }
                effect = effect with
                {
                    Buckets = b with { Committed = b.Committed - reservation.Quantity, Shipped = checked(b.Shipped + reservation.Quantity) },
                    Reservation = reservation with { Status = ReservationStatus.Shipped },
                };
                break;
            case ShipmentDispatched dispatched:
                var quantity = dispatched.Quantity!.Value;
                effect = effect with { Buckets = b with { Committed = b.Committed - quantity, Shipped = checked(b.Shipped + quantity) } };
                break;
            case ReturnReceived returned:
                effect = effect with
                {
                    Buckets = returned.Damaged
                        ? b with { Shipped = b.Shipped - returned.Quantity, Damaged = checked(b.Damaged + returned.Quantity) }
                        : b with { Shipped = b.Shipped - returned.Quantity, Available = checked(b.Available + returned.Quantity) },
                };
                break;
            case DamageRecorded damaged:
                var moved = damaged.FromBucket switch
                {
                    StockBucket.Available => b with { Available = b.Available - damaged.Quantity },
                    StockBucket.Committed => b with { Committed = b.Committed - damaged.Quantity },
                    _ => b with { Shipped = b.Shipped - damaged.Quantity },
                };
                effect = effect with { Buckets = moved with { Damaged = checked(moved.Damaged + damaged.Quantity) } };
                break;
        }
        return NegativeBucket(effect.Buckets);
    }

    private string? Settle(string reservationId, ReservationStatus to, ref StockEffect effect)
    {
        if (string.IsNullOrEmpty(reservationId) || !_reservations.TryGetValue(reservationId, out var reservation))
        {
            return $"reservation '{reservationId}' does not exist.";
        }
        if (reservation.Status != ReservationStatus.Reserved)
        {
            return $"reservation '{reservationId}' is {reservation.Status}, not Reserved.";
        }
        var b = Buckets;
        var reserved = b.Reserved - reservation.Quantity;
        effect = effect with
        {
            Buckets = to == ReservationStatus.Confirmed
                ? b with { Reserved = reserved, Committed = checked(b.Committed + reservation.Quantity) }
                : b with { Reserved = reserved, Available = checked(b.Available + reservation.Quantity) },
            Reservation = reservation with { Status = to },
        };
        return NegativeBucket(effect.Buckets);
    }

    // Takes quantity units out of a movable bucket (a negative quantity puts them in).
    private static StockBuckets Take(StockBuckets b, StockBucket bucket, long quantity) => bucket switch
    {
        StockBucket.Available => b with { Available = checked(b.Available - quantity) },
        StockBucket.Shipped => b with { Shipped = checked(b.Shipped - quantity) },
        _ => throw new InvalidOperationException($"units in {bucket} do not move between shards."),
    };

    private static string? NegativeBucket(StockBuckets b) =>
        b.Available < 0 || b.Reserved < 0 || b.Committed < 0 || b.Shipped < 0 || b.Damaged < 0 || b.InTransit < 0
            ? $"a bucket would go negative ({b})."
            : null;
}
