using System.Text.Json;
using Actors.Contracts.Invoicing;

namespace Actors.Ledger.Invoicing;

/// <summary>The JSON column form of an invoice's lines: an array of <c>{meter, usageWindow, quantity, amountMinor}</c>.</summary>
internal static class InvoiceLinesJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Serialize(IReadOnlyList<InvoiceLine> lines) => JsonSerializer.Serialize(lines, Options);

    public static IReadOnlyList<InvoiceLine> Deserialize(string json) =>
        JsonSerializer.Deserialize<InvoiceLine[]>(json, Options)
        ?? throw new InvalidOperationException("an invoice's lines column holds JSON null.");
}
