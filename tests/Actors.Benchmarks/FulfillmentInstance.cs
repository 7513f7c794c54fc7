using Actors.Fulfillment;

namespace Actors.Benchmarks;

/// <summary>One generated order with the stock the candidate locations offer for its SKUs.</summary>
internal sealed record FulfillmentInstance(OrderRequest Order, IReadOnlyList<StockOffer> Offers);
