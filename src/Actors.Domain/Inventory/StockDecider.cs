using Actors.Contracts.Inventory;
using Actors.Domain.Dedup;

namespace Actors.Domain.Inventory;

/// <summary>
/// Decides what a stock event or reservation command means for one SKU-location, from its state alone. Pure: the grain
/// appends the accepted transitions to the ledger first and applies them after, so acknowledged means durable.
/// </summary>
public static class StockDecider
{
    /// <summary>
    /// Validates <paramref name="e"/> and decides: <see cref="StockAccepted"/> with one transition when its key is new and
    /// the stock allows it, <see cref="StockLookUp"/> when the key was (or may have been) used, else <see cref="StockInvalid"/>.
    /// </summary>
    public static StockDecision Decide(StockState state, StockEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (StockEventValidation.Problem(e) is { } problem)
        {
            return new StockInvalid(problem);
        }
        var verdict = state.Dedup.Check(e.Source, e.Seq);
        return verdict == DedupVerdict.New ? Accept(state, new StockEventRecorded(e)) : new StockLookUp(e.Source, e.Seq, verdict);
    }

    /// <summary>
    /// Settles a <see cref="StockLookUp"/> with the ledger row found for the key (<paramref name="original"/>, null when
    /// none): the same event again is a <see cref="StockDuplicate"/> (<c>OccurredAt</c> aside: a retry may restamp it),
    /// another payload a <see cref="StockConflict"/>, and no row means the event is new after all.
    /// </summary>
    /// <exception cref="InvalidOperationException">when memory says the key was applied but the ledger has no row for it.</exception>
    public static StockDecision DecideWithOriginal(StockState state, StockEvent e, StockTransition? original)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (StockEventValidation.Problem(e) is { } problem)
        {
            return new StockInvalid(problem);
        }
        if (original is null)
        {
            if (state.Dedup.Check(e.Source, e.Seq) == DedupVerdict.Seen)
            {
                throw new InvalidOperationException($"({e.Source}, {e.Seq}) is marked as applied but the ledger has no row for it.");
            }
            return Accept(state, new StockEventRecorded(e));
        }
        return original is StockEventRecorded { Event: var recorded } && (recorded with { OccurredAt = e.OccurredAt }).Equals(e)
            ? new StockDuplicate(null)
            : new StockConflict($"({e.Source}, {e.Seq}) was already used for {original}.");
    }

    /// <summary>
    /// Reserve: a known id with the same quantity is a <see cref="StockDuplicate"/> (the original answer), with another
    /// quantity a <see cref="StockConflict"/>; otherwise <see cref="StockInsufficient"/> when fewer units are available,
    /// else the reservation is placed. A refused reservation writes nothing, so its retry is decided afresh.
    /// </summary>
    public static StockDecision Decide(StockState state, ReserveStock command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.ReservationId) || command.Quantity <= 0 || command.Ttl <= TimeSpan.Zero)
        {
            return new StockInvalid($"reserve needs an id, a positive quantity and a positive TTL (got '{command.ReservationId}', {command.Quantity}, {command.Ttl}).");
        }
        if (state.Reservations.TryGetValue(command.ReservationId, out var existing))
        {
            return existing.Quantity == command.Quantity
                ? new StockDuplicate(existing)
                : new StockConflict($"reservation '{command.ReservationId}' is for {existing.Quantity} units, not {command.Quantity}.");
        }
        if (state.Buckets.Available < command.Quantity)
        {
            return new StockInsufficient(command.Quantity, state.ToSnapshot());
        }
        if (DateTimeOffset.MaxValue - command.Now < command.Ttl)
        {
            return new StockInvalid($"a TTL of {command.Ttl} from {command.Now:O} is beyond the calendar.");
        }
        return Accept(state, new ReservationPlaced(command.ReservationId, command.Quantity, command.Now + command.Ttl, command.Now));
    }

    /// <summary>
    /// Confirm: a held, unexpired reservation moves to committed; confirmed or shipped already is a duplicate; released,
    /// expired or past its expiry is invalid; an id never placed is a <see cref="StockUnknownReservation"/>.
    /// </summary>
    public static StockDecision Decide(StockState state, ConfirmReservation command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (Find(state, command.ReservationId) is not { } reservation)
        {
            return new StockUnknownReservation(command.ReservationId);
        }
        return reservation.Status switch
        {
            ReservationStatus.Confirmed or ReservationStatus.Shipped => new StockDuplicate(reservation),
            ReservationStatus.Reserved when command.Now >= reservation.ExpiresAt =>
                // Past its TTL the units belong to available again, even if the expiry sweep has not run yet.
                new StockInvalid($"reservation '{reservation.Id}' expired at {reservation.ExpiresAt:O}."),
            ReservationStatus.Reserved => Accept(state, new ReservationConfirmed(reservation.Id, command.Now)),
            _ => new StockInvalid($"reservation '{reservation.Id}' is {reservation.Status} and cannot be confirmed."),
        };
    }

    /// <summary>
    /// Release: a held reservation's units go back to available; released or expired already is a duplicate (the units
    /// are back either way); confirmed or shipped is invalid; an id never placed is a <see cref="StockUnknownReservation"/>.
    /// </summary>
    public static StockDecision Decide(StockState state, ReleaseReservation command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (Find(state, command.ReservationId) is not { } reservation)
        {
            return new StockUnknownReservation(command.ReservationId);
        }
        return reservation.Status switch
        {
            ReservationStatus.Released or ReservationStatus.Expired => new StockDuplicate(reservation),
            ReservationStatus.Reserved => Accept(state, new ReservationReleased(reservation.Id, command.Now)),
            _ => new StockInvalid($"reservation '{reservation.Id}' is {reservation.Status} and cannot be released."),
        };
    }

    /// <summary>
    /// Expiry sweep: one <see cref="ReservationExpired"/> per held reservation whose expiry is at or before
    /// <c>Now</c>, earliest first (ties by id), so a rerun after a crash finds only what is still overdue.
    /// </summary>
    public static StockAccepted Decide(StockState state, ExpireReservations command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        var overdue = state.HeldByExpiry
            .TakeWhile(r => r.ExpiresAt <= command.Now)
            .Select(r => (StockTransition)new ReservationExpired(r.Id, command.Now))
            .ToList();
        return new StockAccepted(overdue);
    }

    /// <summary>
    /// Send: a known id with the same destination, bucket and quantity is a <see cref="StockDuplicate"/>, with anything else a
    /// <see cref="StockConflict"/>; fewer units in the bucket than asked is <see cref="StockInsufficient"/>; else the units
    /// leave for in transit.
    /// </summary>
    public static StockDecision Decide(StockState state, SendTransfer command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.TransferId) || command.Quantity <= 0 || command.ToShard < 0 || !StockTransfer.IsMovable(command.Bucket))
        {
            return new StockInvalid($"a transfer needs an id, a positive quantity, a shard and a movable bucket (got '{command.TransferId}', {command.Quantity}, shard {command.ToShard}, {command.Bucket}).");
        }
        if (state.OutboundTransfers.TryGetValue(command.TransferId, out var sent))
        {
            return (sent.ToShard, sent.Bucket, sent.Quantity) == (command.ToShard, command.Bucket, command.Quantity)
                ? new StockDuplicate(null)
                : new StockConflict($"transfer '{command.TransferId}' sent {sent.Quantity} {sent.Bucket} units to shard {sent.ToShard}.");
        }
        if (state.ReceivedTransfers.Contains(command.TransferId))
        {
            return new StockConflict($"transfer '{command.TransferId}' was received here, it cannot be sent from here.");
        }
        if (state.Buckets[command.Bucket] < command.Quantity)
        {
            return new StockInsufficient(command.Quantity, state.ToSnapshot());
        }
        return Accept(state, new TransferSent(command.TransferId, command.ToShard, command.Bucket, command.Quantity, command.Now));
    }

    /// <summary>Receive: a transfer id seen before is a <see cref="StockDuplicate"/>; else the units arrive in their bucket.</summary>
    public static StockDecision Decide(StockState state, ReceiveTransfer command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.TransferId) || command.Quantity <= 0 || command.FromShard < 0 || !StockTransfer.IsMovable(command.Bucket))
        {
            return new StockInvalid($"a transfer needs an id, a positive quantity, a shard and a movable bucket (got '{command.TransferId}', {command.Quantity}, shard {command.FromShard}, {command.Bucket}).");
        }
        if (state.ReceivedTransfers.Contains(command.TransferId))
        {
            return new StockDuplicate(null);
        }
        if (state.OutboundTransfers.ContainsKey(command.TransferId))
        {
            return new StockConflict($"transfer '{command.TransferId}' was sent from here, it cannot be received here.");
        }
        return Accept(state, new TransferReceived(command.TransferId, command.FromShard, command.Bucket, command.Quantity, command.Now));
    }

    /// <summary>Complete: an open sent transfer closes; a completed one is a <see cref="StockDuplicate"/>; unknown is invalid.</summary>
    public static StockDecision Decide(StockState state, CompleteTransfer command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.TransferId) || !state.OutboundTransfers.TryGetValue(command.TransferId, out var sent))
        {
            return new StockInvalid($"transfer '{command.TransferId}' was not sent from here.");
        }
        return sent.Completed ? new StockDuplicate(null) : Accept(state, new TransferCompleted(command.TransferId, command.Now));
    }

    /// <summary>Applies a transition the grain has appended to the ledger (or replays one); returns the same state.</summary>
    /// <exception cref="InvalidOperationException">when the transition cannot apply: see <see cref="StockState.Apply"/>.</exception>
    public static StockState Apply(StockState state, StockTransition transition)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Apply(transition);
        return state;
    }

    private static Reservation? Find(StockState state, string reservationId) =>
        string.IsNullOrEmpty(reservationId) ? null : state.Reservations.GetValueOrDefault(reservationId);

    private static StockDecision Accept(StockState state, StockTransition transition) =>
        state.Refusal(transition, out _) is { } refusal ? new StockInvalid(refusal) : new StockAccepted([transition]);
}
