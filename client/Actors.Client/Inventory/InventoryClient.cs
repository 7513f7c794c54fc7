using Actors.Client.Resilience;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Polly;

namespace Actors.Client.Inventory;

/// <summary>
/// Typed calls to the stock of SKU-locations (<see cref="IStockGrain"/>, keyed <c>tenant/sku@location</c>): record stock
/// events, take and settle reservations, read availability. Every write has an idempotency key, so transient failures are
/// retried with the very same arguments: a stock event by its <c>(source, seq)</c>, a reservation by its id. A repeat is
/// answered with the original outcome and <c>Duplicate</c> set, never applied twice.
/// </summary>
/// <remarks>
/// Errors: <see cref="InvalidEventException"/> for malformed input (thrown before anything is sent when the SDK can tell,
/// and by the cluster for a transition the buckets cannot take, such as confirming an unknown or expired reservation),
/// <see cref="ConflictException"/> when <c>(source, seq)</c> or a reservation id was already used with another payload,
/// <see cref="InsufficientStockException"/> when fewer units are available than a reservation asks for (it carries the
/// snapshot the refusal was decided against), and <see cref="ClusterUnavailableException"/> when the cluster still failed
/// transiently after every retry. Every error means nothing was written.
/// </remarks>
public sealed class InventoryClient
{
    /// <summary>Longest accepted reservation id.</summary>
    public const int MaxReservationIdLength = EntityKey.MaxPartLength;

    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;
    private readonly TimeProvider _time;

    internal InventoryClient(IGrainFactory grains, ResiliencePipeline retry, TimeProvider time, Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
        _time = time;
    }

    /// <summary>
    /// Checks the SKU-location key and the shape of <paramref name="stockEvent"/> (source, seq, quantities) without sending
    /// anything. Rules that depend on the stock (enough available units, a confirmed reservation to dispatch) are the cluster's.
    /// </summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU (no <c>@</c>).</param>
    /// <param name="location">The location holding the stock.</param>
    /// <param name="stockEvent">The event to check.</param>
    /// <exception cref="InvalidEventException">naming the first thing wrong.</exception>
    public static void Validate(string tenant, string sku, string location, StockEvent stockEvent)
    {
        StockKey.Format(tenant, sku, location);
        if (stockEvent is null)
        {
            throw new InvalidEventException("the stock event is missing.");
        }
        if (string.IsNullOrWhiteSpace(stockEvent.Source))
        {
            throw new InvalidEventException("source is required.");
        }
        if (stockEvent.Seq < 1)
        {
            throw new InvalidEventException($"seq must be 1 or greater (was {stockEvent.Seq}).");
        }
        var problem = stockEvent switch
        {
            StockReceived { Quantity: <= 0 } received => $"quantity must be greater than 0 (was {received.Quantity}).",
            StockAdjusted { Delta: 0 } => "delta must not be 0: an adjustment changes the count.",
            ReturnReceived { Quantity: <= 0 } returned => $"quantity must be greater than 0 (was {returned.Quantity}).",
            DamageRecorded { Quantity: <= 0 } damaged => $"quantity must be greater than 0 (was {damaged.Quantity}).",
            ShipmentDispatched dispatched when string.IsNullOrEmpty(dispatched.ReservationId) == (dispatched.Quantity is null) =>
                "a dispatch names either a reservation or a quantity, exactly one.",
            ShipmentDispatched { Quantity: <= 0 } dispatched => $"quantity must be greater than 0 (was {dispatched.Quantity}).",
            _ => null,
        };
        if (problem is not null)
        {
            throw new InvalidEventException($"({stockEvent.Source}, {stockEvent.Seq}): {problem}");
        }
    }

    /// <summary>Checks a reservation id without sending anything: 1 to <see cref="MaxReservationIdLength"/> characters, no spaces or control characters.</summary>
    /// <param name="reservationId">The id to check.</param>
    /// <exception cref="InvalidEventException">when the id is empty, too long or has a space or control character.</exception>
    public static void ValidateReservationId(string reservationId)
    {
        if (string.IsNullOrEmpty(reservationId))
        {
            throw new InvalidEventException("reservation id is required.");
        }
        if (reservationId.Length > MaxReservationIdLength)
        {
            throw new InvalidEventException($"reservation id is longer than {MaxReservationIdLength} characters.");
        }
        if (reservationId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new InvalidEventException($"reservation id '{reservationId}' may not contain spaces or control characters.");
        }
    }

    /// <summary>Records that <paramref name="quantity"/> units arrived at the location: available grows by that much.</summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="source">Producer that numbers the events (part of the idempotency key), e.g. a WMS.</param>
    /// <param name="seq">The producer's sequence number for this SKU-location, 1 or greater (part of the idempotency key).</param>
    /// <param name="quantity">Units received, greater than 0.</param>
    /// <param name="occurredAt">When the units arrived; default now, taken once so that every retry sends the same event.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been recorded.</param>
    /// <returns>The outcome with the snapshot after it; <see cref="StockRecordOutcome.Duplicate"/> when this key was recorded before.</returns>
    public Task<StockRecordOutcome> ReceiveAsync(
        string tenant,
        string sku,
        string location,
        string source,
        long seq,
        long quantity,
        DateTimeOffset? occurredAt = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(tenant, sku, location, new StockReceived
        {
            Source = source,
            Seq = seq,
            OccurredAt = occurredAt ?? _time.GetUtcNow(),
            Quantity = quantity,
        }, cancellationToken);

    /// <summary>Corrects the count of available units by <paramref name="delta"/> (cycle count, shrinkage); refused if available would go negative.</summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="source">Producer that numbers the events.</param>
    /// <param name="seq">The producer's sequence number for this SKU-location, 1 or greater.</param>
    /// <param name="delta">Signed change of available units, not 0.</param>
    /// <param name="reason">Why the count changed.</param>
    /// <param name="occurredAt">When the count was taken; default now, taken once before any retry.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been recorded.</param>
    /// <returns>The outcome with the snapshot after it.</returns>
    public Task<StockRecordOutcome> AdjustAsync(
        string tenant,
        string sku,
        string location,
        string source,
        long seq,
        long delta,
        string? reason = null,
        DateTimeOffset? occurredAt = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(tenant, sku, location, new StockAdjusted
        {
            Source = source,
            Seq = seq,
            OccurredAt = occurredAt ?? _time.GetUtcNow(),
            Delta = delta,
            Reason = reason,
        }, cancellationToken);

    /// <summary>
    /// Records any stock event (<see cref="StockReceived"/>, <see cref="StockAdjusted"/>, <see cref="ShipmentDispatched"/>,
    /// <see cref="ReturnReceived"/>, <see cref="DamageRecorded"/>) on one SKU-location. The event is validated first and then
    /// sent, unchanged, on every attempt.
    /// </summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="stockEvent">The event; its <c>(Source, Seq)</c> is the idempotency key.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been recorded.</param>
    /// <returns>The outcome with the snapshot after it; <see cref="StockRecordOutcome.Duplicate"/> when this key was recorded before.</returns>
    public Task<StockRecordOutcome> RecordAsync(
        string tenant,
        string sku,
        string location,
        StockEvent stockEvent,
        CancellationToken cancellationToken = default)
    {
        Validate(tenant, sku, location, stockEvent);
        return _call.InvokeAsync(Stock(tenant, sku, location), stockEvent, static (g, e) => g.Record(e), cancellationToken);
    }

    /// <summary>
    /// Holds <paramref name="quantity"/> available units for <paramref name="ttl"/>. The reservation id is the idempotency
    /// key: a retry with the same quantity returns the reservation with <see cref="ReservationOutcome.Duplicate"/> set and
    /// takes no more units; the same id with another quantity is a <see cref="ConflictException"/>. Unless confirmed, the
    /// units return to available when the TTL has passed.
    /// </summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="reservationId">The reservation's id, unique per checkout (see <see cref="ValidateReservationId"/>).</param>
    /// <param name="quantity">Units to hold, greater than 0.</param>
    /// <param name="ttl">How long the hold lasts unconfirmed, greater than 0.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the units may still have been reserved (retrying with the same id is safe).</param>
    /// <returns>The reservation and the snapshot of the shard that holds it.</returns>
    /// <exception cref="InsufficientStockException">when fewer units are available; nothing was held.</exception>
    public Task<ReservationOutcome> ReserveAsync(
        string tenant,
        string sku,
        string location,
        string reservationId,
        long quantity,
        TimeSpan ttl,
        CancellationToken cancellationToken = default)
    {
        ValidateReservationId(reservationId);
        if (quantity <= 0)
        {
            throw new InvalidEventException($"quantity must be greater than 0 (was {quantity}).");
        }
        if (ttl <= TimeSpan.Zero)
        {
            throw new InvalidEventException($"ttl must be greater than 0 (was {ttl}).");
        }
        return _call.InvokeAsync(
            Stock(tenant, sku, location),
            (reservationId, quantity, ttl),
            static (g, r) => g.Reserve(r.reservationId, r.quantity, r.ttl),
            cancellationToken);
    }

    /// <summary>Moves a held, unexpired reservation's units to committed; confirming again answers with <see cref="ReservationOutcome.Duplicate"/>.</summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="reservationId">The reservation.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the reservation may still have been confirmed.</param>
    /// <returns>The reservation after the call.</returns>
    /// <exception cref="InvalidEventException">when the reservation is unknown, released or expired.</exception>
    public Task<ReservationOutcome> ConfirmAsync(
        string tenant,
        string sku,
        string location,
        string reservationId,
        CancellationToken cancellationToken = default)
    {
        ValidateReservationId(reservationId);
        return _call.InvokeAsync(Stock(tenant, sku, location), reservationId, static (g, id) => g.Confirm(id), cancellationToken);
    }

    /// <summary>Gives a held reservation's units back to available; releasing again (or after expiry) answers with <see cref="ReservationOutcome.Duplicate"/>.</summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="reservationId">The reservation.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the reservation may still have been released.</param>
    /// <returns>The reservation after the call.</returns>
    /// <exception cref="InvalidEventException">when the reservation is unknown or already confirmed.</exception>
    public Task<ReservationOutcome> ReleaseAsync(
        string tenant,
        string sku,
        string location,
        string reservationId,
        CancellationToken cancellationToken = default)
    {
        ValidateReservationId(reservationId);
        return _call.InvokeAsync(Stock(tenant, sku, location), reservationId, static (g, id) => g.Release(id), cancellationToken);
    }

    /// <summary>The SKU-location's buckets summed over its shards, and each shard's own snapshot.</summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The availability; all zero for a SKU-location that never had stock.</returns>
    public Task<StockAvailability> GetAvailabilityAsync(string tenant, string sku, string location, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Stock(tenant, sku, location), 0, static (g, _) => g.GetAvailability(), cancellationToken);

    /// <summary>The SKU-location's buckets summed over its shards, with the summed version.</summary>
    /// <param name="tenant">Tenant that owns the stock.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The snapshot.</returns>
    public Task<StockSnapshot> GetSnapshotAsync(string tenant, string sku, string location, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Stock(tenant, sku, location), 0, static (g, _) => g.GetSnapshot(), cancellationToken);

    private IStockGrain Stock(string tenant, string sku, string location) =>
        _grains.GetGrain<IStockGrain>(StockKey.Format(tenant, sku, location));
}
