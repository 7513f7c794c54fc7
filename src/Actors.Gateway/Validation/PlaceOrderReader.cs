using System.Text.Json;
using Actors.Client.Orders;
using Actors.Contracts.Errors;
using Actors.Contracts.Fulfillment;

namespace Actors.Gateway.Validation;

/// <summary>
/// Reads the body of <c>POST /v1/orders</c>, <c>{ "orderId", "region", "promiseDays", "lines": [ { "sku", "quantity" } ] }</c>,
/// strictly (unknown, missing or mistyped fields are errors naming the field) and checks it with the SDK's order rules.
/// </summary>
public static class PlaceOrderReader
{
    private static readonly string[] OrderFields = ["orderId", "region", "promiseDays", "lines"];
    private static readonly string[] LineFields = ["sku", "quantity"];
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 8 };

    /// <summary>The order in <paramref name="body"/> for <paramref name="tenant"/>, validated.</summary>
    /// <exception cref="GatewayRequestException">400 naming the first bad field.</exception>
    public static PlaceOrder Read(ReadOnlyMemory<byte> body, string tenant)
    {
        RequestBody.RequireUtf8(body.Span, "(body)");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ReadOptions);
        }
        catch (JsonException notJson)
        {
            throw BadRequest("(body)", $"the body is not valid JSON (line {notJson.LineNumber + 1}, byte {notJson.BytePositionInLine + 1}).");
        }
        PlaceOrder order;
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw BadRequest("(body)", "the body must be a JSON object { orderId, region, promiseDays, lines }.");
            }
            RejectUnknown(root, OrderFields, "");
            var orderId = String(root, "orderId", "orderId");
            var region = String(root, "region", "region");
            var promiseDays = Integer(root, "promiseDays", "promiseDays");
            if (!root.TryGetProperty("lines", out var linesElement) || linesElement.ValueKind != JsonValueKind.Array)
            {
                throw BadRequest("lines", "lines is required and must be an array of { sku, quantity }.");
            }
            var lines = new List<PlaceOrderLine>();
            var index = 0;
            foreach (var line in linesElement.EnumerateArray())
            {
                var path = $"lines[{index}]";
                if (line.ValueKind != JsonValueKind.Object)
                {
                    throw BadRequest(path, $"{path} must be an object {{ sku, quantity }}.");
                }
                RejectUnknown(line, LineFields, path + ".");
                lines.Add(new PlaceOrderLine(String(line, "sku", path + ".sku"), Integer(line, "quantity", path + ".quantity")));
                index++;
            }
            order = new PlaceOrder(orderId, region, promiseDays, lines);
        }
        try
        {
            OrdersClient.Validate(tenant, order);
        }
        catch (InvalidEventException invalid)
        {
            throw BadRequest(ProblemField.Locate(invalid.Message, "", OrderFields), invalid.Message);
        }
        return order;
    }

    /// <summary>
    /// The order in <paramref name="body"/> as written, without the field and value checks (the unprotected benchmark
    /// baseline): only JSON that cannot be an order object at all is refused; the cluster judges the rest.
    /// </summary>
    /// <exception cref="GatewayRequestException">400 when the body is not JSON or not an object.</exception>
    public static PlaceOrder ReadUnchecked(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ReadOptions);
        }
        catch (JsonException notJson)
        {
            throw BadRequest("(body)", $"the body is not valid JSON (line {notJson.LineNumber + 1}, byte {notJson.BytePositionInLine + 1}).");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw BadRequest("(body)", "the body must be a JSON object { orderId, region, promiseDays, lines }.");
            }
            try
            {
                var lines = new List<PlaceOrderLine>();
                if (root.TryGetProperty("lines", out var linesElement) && linesElement.ValueKind == JsonValueKind.Array)
                {
                    foreach (var line in linesElement.EnumerateArray())
                    {
                        lines.Add(new PlaceOrderLine(AsString(line, "sku"), AsInteger(line, "quantity")));
                    }
                }
                return new PlaceOrder(AsString(root, "orderId"), AsString(root, "region"), AsInteger(root, "promiseDays"), lines);
            }
            catch (InvalidOperationException unreadable)
            {
                // GetString throws this for escapes that are not valid UTF-16: such a string cannot be turned into an order at all.
                throw BadRequest("(body)", $"a string is not valid text ({unreadable.Message})");
            }
        }
    }

    // Lenient reads for ReadUnchecked: a missing or mistyped value becomes empty or zero, which the cluster then refuses.
    private static string AsString(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";

    private static int AsInteger(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : 0;

    private static void RejectUnknown(JsonElement element, string[] allowed, string prefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw BadRequest(prefix + property.Name, $"unknown field '{prefix}{Truncate(property.Name)}'; expected {string.Join(", ", allowed)}.");
            }
            if (!seen.Add(property.Name))
            {
                throw BadRequest(prefix + property.Name, $"field '{prefix}{property.Name}' appears more than once.");
            }
        }
    }

    private static string String(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw BadRequest(path, $"{path} is required and must be a string.");
        }
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException unreadable)
        {
            // GetString throws this for escapes that are not valid UTF-16 (a lone surrogate such as \ud800).
            throw BadRequest(path, $"{path} is not valid text ({unreadable.Message})");
        }
    }

    private static int Integer(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw BadRequest(path, $"{path} is required and must be a 32-bit integer.");

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static GatewayRequestException BadRequest(string field, string detail) => new(StatusCodes.Status400BadRequest, field, detail);
}
