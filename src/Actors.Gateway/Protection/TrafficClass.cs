namespace Actors.Gateway.Protection;

/// <summary>How a request is treated under overload.</summary>
public enum TrafficClass
{
    /// <summary>Payments, stock, orders, alerts, identity events and reads: kept going as long as possible.</summary>
    Critical,

    /// <summary>Usage, telemetry, pings and logs (any batch with a bulk-lane event): shed first.</summary>
    Bulk,
}
