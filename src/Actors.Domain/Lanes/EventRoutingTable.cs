using Actors.Contracts.Errors;

namespace Actors.Domain.Lanes;

/// <summary>
/// Maps event types to lanes. The defaults follow the design (money, reservations, shipment lifecycle, security alerts,
/// identity lifecycle and case updates are critical; usage, telemetry, pings and logs are bulk); configuration may move a
/// type to the other lane. Unknown types are rejected, never guessed: a typo must not silently land on the bulk lane.
/// </summary>
public sealed class EventRoutingTable
{
    /// <summary>Entity kinds, used as stream namespaces.</summary>
    public const string Account = "account";
    public const string Stock = "stock";
    public const string SecurityCase = "case";
    public const string Detector = "detector";

    private static readonly EventRoute[] Defaults =
    [
        new("UsageRecorded", Lane.Bulk, Account, HasConsumer: true),
        new("CreditGranted", Lane.Critical, Account, HasConsumer: true),
        new("PaymentReceived", Lane.Critical, Account, HasConsumer: true),
        new("AdjustmentPosted", Lane.Critical, Account, HasConsumer: true),
        new("InvoiceIssued", Lane.Critical, Account, HasConsumer: false),
        new("StockReceived", Lane.Critical, Stock, HasConsumer: true),
        new("StockAdjusted", Lane.Critical, Stock, HasConsumer: true),
        new("StockReserved", Lane.Critical, Stock, HasConsumer: false),
        new("StockCommitted", Lane.Critical, Stock, HasConsumer: false),
        new("ShipmentDispatched", Lane.Critical, Stock, HasConsumer: true),
        new("ShipmentDelivered", Lane.Critical, Stock, HasConsumer: false),
        new("ReturnReceived", Lane.Critical, Stock, HasConsumer: true),
        new("DamageRecorded", Lane.Critical, Stock, HasConsumer: true),
        new("ScannerPing", Lane.Bulk, Stock, HasConsumer: false),
        new("LocationPing", Lane.Bulk, Stock, HasConsumer: false),
        new("AlertRaised", Lane.Critical, SecurityCase, HasConsumer: true),
        new("CaseUpdated", Lane.Critical, SecurityCase, HasConsumer: false),
        new("PrincipalDisabled", Lane.Critical, SecurityCase, HasConsumer: true),
        new("CredentialsRotated", Lane.Critical, SecurityCase, HasConsumer: true),
        new("LoginAttempt", Lane.Bulk, Detector, HasConsumer: true),
        new("ProcessStarted", Lane.Bulk, Detector, HasConsumer: true),
        new("NetworkConnection", Lane.Bulk, Detector, HasConsumer: true),
        new("EndpointLog", Lane.Bulk, Detector, HasConsumer: false),
    ];

    private readonly Dictionary<string, EventRoute> _routes;

    /// <summary>The default table with <paramref name="laneOverrides"/> (type -> "critical" | "bulk") applied.</summary>
    /// <exception cref="ArgumentException">when an override names an unknown type or lane.</exception>
    public EventRoutingTable(IReadOnlyDictionary<string, string>? laneOverrides = null)
    {
        _routes = Defaults.ToDictionary(r => r.Type, StringComparer.Ordinal);
        foreach (var (type, lane) in laneOverrides ?? new Dictionary<string, string>())
        {
            if (!_routes.TryGetValue(type, out var route))
            {
                throw new ArgumentException($"routing override for unknown event type '{type}'; known types: {string.Join(", ", _routes.Keys.Order())}.");
            }
            if (!Enum.TryParse<Lane>(lane, ignoreCase: true, out var parsed))
            {
                throw new ArgumentException($"routing override for '{type}' names lane '{lane}'; lanes are 'critical' and 'bulk'.");
            }
            _routes[type] = route with { Lane = parsed };
        }
    }

    /// <summary>Every route, for status displays and documentation.</summary>
    public IEnumerable<EventRoute> Routes => _routes.Values.OrderBy(r => r.Type, StringComparer.Ordinal);

    /// <summary>The route of <paramref name="type"/>.</summary>
    /// <exception cref="InvalidEventException">when the type is unknown.</exception>
    public EventRoute Route(string type) =>
        _routes.TryGetValue(type, out var route)
            ? route
            : throw new InvalidEventException($"unknown event type '{type}'; known types: {string.Join(", ", _routes.Keys.Order())}.");
}
