using System.Text.Json;
using Actors.Contracts.Invoicing;

namespace Actors.Domain.Invoicing;

/// <summary>
/// Reads the JSON form of a price plan by hand rather than by deserialising, so that every error names the field
/// (<c>meters.storage.tiers[1].upTo</c>) and unknown fields, usually typos of a price, are refused instead of ignored.
/// </summary>
internal static class PricePlanJson
{
    private static readonly string[] PlanFields = ["name", "version", "currency", "description", "meters"];
    private static readonly string[] MeterFields = ["unitPriceMinor", "tiers"];
    private static readonly string[] TierFields = ["upTo", "unitPriceMinor"];

    public static PricePlan Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException malformed)
        {
            throw new PricePlanFormatException("", $"not valid JSON: {malformed.Message}", malformed);
        }
        using (document)
        {
            var root = document.RootElement;
            RequireKind(root, JsonValueKind.Object, "", "an object");
            RefuseUnknown(root, "", PlanFields);
            var name = RequireString(root, "name");
            var version = RequireInteger(root, "version", "");
            if (version is < 1 or > int.MaxValue)
            {
                throw new PricePlanFormatException("version", $"must be a positive integer (was {version}).");
            }
            PricePlanId id;
            try
            {
                id = new PricePlanId(name, (int)version);
            }
            catch (ArgumentException invalid)
            {
                throw new PricePlanFormatException("name", $"'{name}' is not a plan name: use 1..64 of a-z, 0-9 and '-'.", invalid);
            }
            if (root.TryGetProperty("description", out var description) && description.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw new PricePlanFormatException("description", "must be a string.");
            }
            var currency = RequireString(root, "currency");
            if (!root.TryGetProperty("meters", out var metersElement))
            {
                throw new PricePlanFormatException("meters", "is required.");
            }
            RequireKind(metersElement, JsonValueKind.Object, "meters", "an object of meter name to price");
            var meters = new Dictionary<string, MeterPrice>(StringComparer.Ordinal);
            foreach (var meter in metersElement.EnumerateObject())
            {
                var path = $"meters.{meter.Name}";
                if (meters.ContainsKey(meter.Name))
                {
                    throw new PricePlanFormatException(path, "appears twice.");
                }
                meters.Add(meter.Name, ReadMeter(meter.Value, path));
            }
            return new PricePlan(id, currency, meters);
        }
    }

    private static MeterPrice ReadMeter(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.Object, path, "an object with unitPriceMinor or tiers");
        RefuseUnknown(element, path, MeterFields);
        var hasFlat = element.TryGetProperty("unitPriceMinor", out _);
        var hasTiers = element.TryGetProperty("tiers", out var tiersElement);
        if (hasFlat == hasTiers)
        {
            throw new PricePlanFormatException(path, "give either unitPriceMinor (a flat price) or tiers (a graduated price), not both or neither.");
        }
        try
        {
            if (hasFlat)
            {
                return MeterPrice.Flat(RequireInteger(element, "unitPriceMinor", path));
            }
            RequireKind(tiersElement, JsonValueKind.Array, $"{path}.tiers", "an array");
            var tiers = new List<PriceTier>();
            var index = 0;
            foreach (var tier in tiersElement.EnumerateArray())
            {
                var tierPath = $"{path}.tiers[{index++}]";
                RequireKind(tier, JsonValueKind.Object, tierPath, "an object with upTo and unitPriceMinor");
                RefuseUnknown(tier, tierPath, TierFields);
                if (!tier.TryGetProperty("upTo", out var upTo))
                {
                    throw new PricePlanFormatException($"{tierPath}.upTo", "is required (null for the last, unbounded tier).");
                }
                long? bound = upTo.ValueKind == JsonValueKind.Null ? null : Integer(upTo, $"{tierPath}.upTo");
                tiers.Add(new PriceTier(bound, RequireInteger(tier, "unitPriceMinor", tierPath)));
            }
            return MeterPrice.Graduated(tiers);
        }
        catch (PricePlanFormatException invalid) when (!invalid.Field.StartsWith(path, StringComparison.Ordinal))
        {
            // The price types name fields relative to the meter; the file's reader says which meter.
            throw invalid.Within(path);
        }
    }

    private static void RefuseUnknown(JsonElement element, string path, string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new PricePlanFormatException(Join(path, property.Name), $"is not a known field (expected {string.Join(", ", known)}).");
            }
        }
    }

    private static string RequireString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            throw new PricePlanFormatException(name, "is required.");
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new PricePlanFormatException(name, $"must be a string (was {value.ValueKind.ToString().ToLowerInvariant()}).");
    }

    private static long RequireInteger(JsonElement element, string name, string path)
    {
        var field = Join(path, name);
        return element.TryGetProperty(name, out var value)
            ? Integer(value, field)
            : throw new PricePlanFormatException(field, "is required.");
    }

    private static long Integer(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new PricePlanFormatException(field, $"must be a whole number (was {value.GetRawText()}).");

    private static void RequireKind(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new PricePlanFormatException(path, $"must be {what} (was {element.ValueKind.ToString().ToLowerInvariant()}).");
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
