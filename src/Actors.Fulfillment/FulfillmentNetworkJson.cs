using System.Globalization;
using System.Text.Json;

namespace Actors.Fulfillment;

/// <summary>
/// Reads a <see cref="FulfillmentNetwork"/> from the JSON in <c>cluster-config/fulfillment/</c>. Pure: the caller
/// reads the file. Every error names the offending field by its JSON path (e.g. <c>locations[2].lanes[0].costPerUnit</c>),
/// because the file is edited by hand and a bare "invalid network" would leave the operator searching.
/// </summary>
public static class FulfillmentNetworkJson
{
    /// <summary>Parses and validates a network document.</summary>
    /// <param name="json">
    /// <c>{ "weights": { "latenessPenaltyPerUnitDay", "splitPenalty" }, "locations": [ { "id", "kind": "store"|"warehouse",
    /// "handlingCapacity", "lanes": [ { "region", "costPerUnit", "transitDays" } ] } ] }</c>; money is in minor currency units.
    /// </param>
    /// <returns>The network, locations and lanes in document order.</returns>
    /// <exception cref="FormatException">when the text is not JSON or a field is missing, mistyped or invalid; the message names the field.</exception>
    public static FulfillmentNetwork Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Fulfillment network is not valid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Fulfillment network must be a JSON object with 'weights' and 'locations'.");
            }
            var weights = ParseWeights(Required(root, "weights", "weights", JsonValueKind.Object));
            var locations = ParseLocations(Required(root, "locations", "locations", JsonValueKind.Array));
            return new FulfillmentNetwork(locations, weights);
        }
    }

    private static FulfillmentWeights ParseWeights(JsonElement weights) =>
        new(NonNegativeLong(weights, "latenessPenaltyPerUnitDay", "weights"), NonNegativeLong(weights, "splitPenalty", "weights"));

    private static List<FulfillmentLocation> ParseLocations(JsonElement array)
    {
        if (array.GetArrayLength() == 0)
        {
            throw new FormatException("locations: the network has no locations.");
        }
        var locations = new List<FulfillmentLocation>();
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"locations[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path} must be an object.");
            }
            var id = NonEmptyString(element, "id", path);
            if (firstIndexById.TryGetValue(id, out var first))
            {
                throw new FormatException($"{path}.id: location id '{id}' is already used by locations[{first}].");
            }
            firstIndexById[id] = index;
            var kind = ParseKind(element, path);
            var capacity = checked((int)NonNegativeLong(element, "handlingCapacity", path, int.MaxValue));
            var lanes = ParseLanes(Required(element, "lanes", $"{path}.lanes", JsonValueKind.Array), $"{path}.lanes");
            locations.Add(new FulfillmentLocation(id, kind, lanes, capacity));
            index++;
        }
        return locations;
    }

    private static LocationKind ParseKind(JsonElement location, string path)
    {
        var kind = NonEmptyString(location, "kind", path);
        return kind switch
        {
            "store" => LocationKind.Store,
            "warehouse" => LocationKind.Warehouse,
            _ => throw new FormatException($"{path}.kind: unknown location kind '{kind}'; expected 'store' or 'warehouse'."),
        };
    }

    private static List<ShippingLane> ParseLanes(JsonElement array, string path)
    {
        // A location without lanes can never ship: almost certainly a mistake in the file, not an intent.
        if (array.GetArrayLength() == 0)
        {
            throw new FormatException($"{path}: the location has no lanes, so it could never ship.");
        }
        var lanes = new List<ShippingLane>();
        var regions = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var lanePath = $"{path}[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{lanePath} must be an object.");
            }
            var region = NonEmptyString(element, "region", lanePath);
            // FulfillmentLocation.LaneTo takes the first match, so a second lane to a region would silently be ignored.
            if (!regions.Add(region))
            {
                throw new FormatException($"{lanePath}.region: region '{region}' has two lanes from this location.");
            }
            var cost = NonNegativeLong(element, "costPerUnit", lanePath);
            var transitDays = checked((int)NonNegativeLong(element, "transitDays", lanePath, int.MaxValue));
            lanes.Add(new ShippingLane(region, cost, transitDays));
            index++;
        }
        return lanes;
    }

    private static JsonElement Required(JsonElement parent, string name, string path, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new FormatException($"{path} is missing.");
        }
        if (value.ValueKind != kind)
        {
            throw new FormatException($"{path} must be {Describe(kind)}, not {Describe(value.ValueKind)}.");
        }
        return value;
    }

    private static string NonEmptyString(JsonElement parent, string name, string path)
    {
        var text = Required(parent, name, $"{path}.{name}", JsonValueKind.String).GetString()!;
        return string.IsNullOrWhiteSpace(text) ? throw new FormatException($"{path}.{name} must not be empty.") : text;
    }

    private static long NonNegativeLong(JsonElement parent, string name, string path, long maximum = long.MaxValue)
    {
        var field = $"{path}.{name}";
        var value = Required(parent, name, field, JsonValueKind.Number);
        if (!value.TryGetInt64(out var number))
        {
            throw new FormatException($"{field} must be a whole number, not {value.GetRawText()}.");
        }
        if (number < 0)
        {
            throw new FormatException($"{field} must not be negative ({number.ToString(CultureInfo.InvariantCulture)}).");
        }
        if (number > maximum)
        {
            throw new FormatException($"{field} must be at most {maximum.ToString(CultureInfo.InvariantCulture)}.");
        }
        return number;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
