namespace Actors.Contracts.Fulfillment;

/// <summary>One line of a <see cref="PlaceOrder"/>: <paramref name="Quantity"/> units of <paramref name="Sku"/>.</summary>
/// <param name="Sku">The SKU (StockKey rules: EntityKey characters, no <c>@</c>).</param>
/// <param name="Quantity">Units wanted, at least 1.</param>
[GenerateSerializer, Immutable, Alias("fulfillment.place-order-line")]
public sealed record PlaceOrderLine(
    [property: Id(0)] string Sku,
    [property: Id(1)] int Quantity);
