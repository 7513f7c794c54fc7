using System.Text.Json;
using Actors.Contracts.Fulfillment;

namespace Actors.Cli.Commands;

/// <summary>
/// Reads an order file, <c>{ "orderId", "region", "promiseDays", "lines": [ { "sku", "quantity" } ] }</c>, strictly: a
/// missing, mistyped or unknown field is a usage error that names the field, so a typo never places a different order.
/// </summary>
public static class OrdersFile
{
    private static readonly string[] OrderFields = ["orderId", "region", "promiseDays", "lines"];
    private static readonly string[] LineFields = ["sku", "quantity"];

    /// <summary>The order in <paramref name="path"/>.</summary>
    /// <exception cref="CliUsageException">when the file cannot be read, is not JSON, or a field is missing, mistyped or unknown.</exception>
    public static async Task<PlaceOrder> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read order file '{path}': {failure.Message}", failure);
        }
        return Parse(text, path);
    }

    /// <summary>The order in <paramref name="json"/>; <paramref name="origin"/> names it in errors.</summary>
    /// <exception cref="CliUsageException">when the text is not JSON, or a field is missing, mistyped or unknown.</exception>
    public static PlaceOrder Parse(string json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException invalid)
        {
            throw new CliUsageException($"order file '{origin}' is not valid JSON: {invalid.Message}", invalid);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Field(origin, "(root)", "must be a JSON object");
            }
            RejectUnknown(origin, root, OrderFields, "");
            var orderId = String(origin, root, "orderId", "orderId");
            var region = String(origin, root, "region", "region");
            var promiseDays = Integer(origin, root, "promiseDays", "promiseDays");
            if (!root.TryGetProperty("lines", out var linesElement) || linesElement.ValueKind != JsonValueKind.Array)
            {
                throw Field(origin, "lines", "is required and must be an array of { sku, quantity }");
            }
            var lines = new List<PlaceOrderLine>();
            var index = 0;
            foreach (var line in linesElement.EnumerateArray())
            {
                var path = $"lines[{index}]";
                if (line.ValueKind != JsonValueKind.Object)
                {
                    throw Field(origin, path, "must be an object { sku, quantity }");
                }
                RejectUnknown(origin, line, LineFields, path + ".");
                lines.Add(new PlaceOrderLine(String(origin, line, "sku", path + ".sku"), Integer(origin, line, "quantity", path + ".quantity")));
                index++;
            }
            if (lines.Count == 0)
            {
                throw Field(origin, "lines", "must have at least one line");
            }
            return new PlaceOrder(orderId, region, promiseDays, lines);
        }
    }

    private static string String(string origin, JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            throw Field(origin, path, "is required and must be a non-empty string");
        }
        return text;
    }

    private static int Integer(string origin, JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Field(origin, path, "is required and must be a whole number");
        }
        return number;
    }

    private static void RejectUnknown(string origin, JsonElement element, string[] known, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Field(origin, prefix + property.Name, $"is not a known field (expected {string.Join(", ", known)})");
            }
        }
    }

    private static CliUsageException Field(string origin, string path, string problem) =>
        new($"order file '{origin}': {path} {problem}. Nothing was sent.");
}
