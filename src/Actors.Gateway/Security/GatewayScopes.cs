using Actors.Domain.Lanes;

namespace Actors.Gateway.Security;

/// <summary>The scopes the gateway checks, and which one writing an event of a given entity kind needs.</summary>
public static class GatewayScopes
{
    /// <summary>Every GET.</summary>
    public const string Read = "read";

    /// <summary>Account events (usage, credits, payments, adjustments).</summary>
    public const string BillingWrite = "billing:write";

    /// <summary>Stock events and orders.</summary>
    public const string InventoryWrite = "inventory:write";

    /// <summary>Security alerts, identity lifecycle and endpoint telemetry.</summary>
    public const string SecurityWrite = "security:write";

    /// <summary>The scope that writing an event routed to <paramref name="entityKind"/> needs.</summary>
    /// <exception cref="InvalidOperationException">for a kind the routing table added without a scope here (a gateway bug, not bad input).</exception>
    public static string ForEntityKind(string entityKind) => entityKind switch
    {
        EventRoutingTable.Account => BillingWrite,
        EventRoutingTable.Stock => InventoryWrite,
        EventRoutingTable.SecurityCase or EventRoutingTable.Detector => SecurityWrite,
        _ => throw new InvalidOperationException($"no scope is defined for entity kind '{entityKind}'."),
    };
}
