namespace Actors.Fulfillment;

/// <summary>An order to be routed to fulfillment locations.</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="Region">The destination region.</param>
/// <param name="PromiseDays">Days within which delivery was promised; later deliveries are penalised per day.</param>
/// <param name="Lines">The lines; several lines may name the same SKU.</param>
public sealed record OrderRequest(string OrderId, string Region, int PromiseDays, IReadOnlyList<OrderLine> Lines);
