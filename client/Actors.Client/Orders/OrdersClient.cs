using Actors.Client.Resilience;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Fulfillment;
using Actors.Contracts.Inventory;
using Polly;

namespace Actors.Client.Orders;

/// <summary>
/// Typed calls to order fulfillment (<see cref="IFulfillmentGrain"/>, keyed <c>tenant/orderId</c>): place an order, which
/// the cluster routes to the locations that ship it best (a solver inside a time budget) and reserves, and read the recorded
/// decision. The order id is the idempotency key, so placing is retried with the same order after a transient failure and a
/// repeat returns the original decision with <see cref="OrderDecision.Duplicate"/> set: it never reserves twice.
/// </summary>
/// <remarks>
/// Errors: <see cref="InvalidEventException"/> for a malformed order (thrown before anything is sent, naming the field; the
/// cluster adds rules only it can check, such as an unknown region), <see cref="ConflictException"/> when the order id was
/// already placed with other content, and <see cref="ClusterUnavailableException"/> when the cluster still failed transiently
/// after every retry. An order the network cannot serve is not an exception: it is answered with
/// <see cref="OrderStatus.Failed"/> and a reason.
/// </remarks>
public sealed class OrdersClient
{
    /// <summary>Most lines one order may have.</summary>
    public const int MaxLines = 1_000;

    /// <summary>Longest delivery promise accepted, in days.</summary>
    public const int MaxPromiseDays = 365;

    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;

    internal OrdersClient(IGrainFactory grains, ResiliencePipeline retry, Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
    }

    /// <summary>Checks <paramref name="order"/> for <paramref name="tenant"/> without sending anything.</summary>
    /// <param name="tenant">The tenant placing the order.</param>
    /// <param name="order">The order.</param>
    /// <exception cref="InvalidEventException">naming the first field that is wrong, e.g. <c>lines[1].quantity</c>.</exception>
    public static void Validate(string tenant, PlaceOrder order)
    {
        if (order is null)
        {
            throw new InvalidEventException("the order is missing.");
        }
        EntityKey.Validate("tenant", tenant);
        EntityKey.Validate("orderId", order.OrderId);
        EntityKey.Validate("region", order.Region);
        if (order.PromiseDays is < 0 or > MaxPromiseDays)
        {
            throw new InvalidEventException($"promiseDays must be between 0 and {MaxPromiseDays} (was {order.PromiseDays}).");
        }
        if (order.Lines is null || order.Lines.Count == 0)
        {
            throw new InvalidEventException("lines must have at least one line.");
        }
        if (order.Lines.Count > MaxLines)
        {
            throw new InvalidEventException($"lines has {order.Lines.Count} lines; at most {MaxLines} are allowed.");
        }
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i] ?? throw new InvalidEventException($"lines[{i}] is missing.");
            try
            {
                // A SKU must be usable in a stock key: the order's units are reserved on tenant/sku@location grains.
                StockKey.Format(tenant, line.Sku, "validation");
            }
            catch (InvalidEventException invalid)
            {
                throw new InvalidEventException($"lines[{i}].sku: {invalid.Message}");
            }
            if (line.Quantity < 1)
            {
                throw new InvalidEventException($"lines[{i}].quantity must be 1 or greater (was {line.Quantity}).");
            }
        }
    }

    /// <summary>
    /// Places <paramref name="order"/>: the cluster routes it over the fulfillment network, reserves and confirms the chosen
    /// units, and records the decision. Placing the same order again returns that decision and changes nothing.
    /// </summary>
    /// <param name="tenant">The tenant placing the order.</param>
    /// <param name="order">The order; its id is the idempotency key.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the order may still have been placed (placing it again is safe).</param>
    /// <returns>The decision: placed with its allocations, or failed with a reason; every solve attempt is listed.</returns>
    /// <exception cref="InvalidEventException">when the order is malformed (nothing is sent) or the cluster refuses a field.</exception>
    /// <exception cref="ConflictException">when the order id was already placed with other content.</exception>
    public Task<OrderDecision> PlaceAsync(string tenant, PlaceOrder order, CancellationToken cancellationToken = default)
    {
        Validate(tenant, order);
        return _call.InvokeAsync(Order(tenant, order.OrderId), order, static (g, o) => g.Place(o), cancellationToken);
    }

    /// <summary>The recorded decision of order <paramref name="orderId"/>, or null when it was never placed.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The decision, or null.</returns>
    public Task<OrderDecision?> GetAsync(string tenant, string orderId, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Order(tenant, orderId), 0, static (g, _) => g.Get(), cancellationToken);

    private IFulfillmentGrain Order(string tenant, string orderId) =>
        _grains.GetGrain<IFulfillmentGrain>(EntityKey.Format(tenant, orderId));
}
