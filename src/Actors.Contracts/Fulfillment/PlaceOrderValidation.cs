using Actors.Contracts.Errors;

namespace Actors.Contracts.Fulfillment;

/// <summary>
/// The checks of a <see cref="PlaceOrder"/> that need no fulfillment network, in one place so the SDK, the CLI, the gateway
/// and the grain reject the same bad order with the same message. The grain also checks the region against its network.
/// </summary>
public static class PlaceOrderValidation
{
    /// <summary>Throws <see cref="InvalidEventException"/>, naming the field, unless <paramref name="order"/> is well formed.</summary>
    /// <exception cref="InvalidEventException">when the order is null, the order id or region is not a valid key part, the
    /// promise is negative, there are no lines, or a line has a bad SKU or a quantity below 1.</exception>
    public static void Validate(PlaceOrder? order)
    {
        if (order is null)
        {
            throw new InvalidEventException("order is required.");
        }
        EntityKey.Validate("orderId", order.OrderId);
        EntityKey.Validate("region", order.Region);
        if (order.PromiseDays < 0)
        {
            throw new InvalidEventException($"promiseDays must not be negative (got {order.PromiseDays}).");
        }
        if (order.Lines is null || order.Lines.Count == 0)
        {
            throw new InvalidEventException("lines: the order has no lines.");
        }
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i] ?? throw new InvalidEventException($"lines[{i}] is missing.");
            EntityKey.Validate($"lines[{i}].sku", line.Sku);
            if (line.Sku.Contains('@'))
            {
                throw new InvalidEventException($"lines[{i}].sku '{line.Sku}' may not contain '@': it separates the SKU from the location.");
            }
            if (line.Quantity < 1)
            {
                throw new InvalidEventException($"lines[{i}].quantity must be at least 1 (got {line.Quantity}).");
            }
        }
    }
}
