namespace Actors.Contracts.Fulfillment;

/// <summary>
/// An order to route and reserve. <see cref="OrderId"/> is the idempotency key: placing the same order again returns the
/// original decision; the same id with other content is a <see cref="Errors.ConflictException"/>.
/// </summary>
/// <param name="OrderId">The order id (EntityKey rules); also the grain key's entity part.</param>
/// <param name="Region">The destination region; must be one the fulfillment network ships to.</param>
/// <param name="PromiseDays">Days promised to the customer; transit beyond it costs a lateness penalty.</param>
/// <param name="Lines">The order lines, at least one.</param>
[GenerateSerializer, Immutable, Alias("fulfillment.place-order")]
public sealed record PlaceOrder(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Region,
    [property: Id(2)] int PromiseDays,
    [property: Id(3)] IReadOnlyList<PlaceOrderLine> Lines);
