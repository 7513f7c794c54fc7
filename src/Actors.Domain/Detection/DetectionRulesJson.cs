using System.Globalization;
using System.Text.Json;
using Actors.Contracts;
using Actors.Contracts.Errors;

namespace Actors.Domain.Detection;

/// <summary>
/// Reads a rules file by hand rather than by deserialising, so every error names its field (<c>rules[1].match.success</c>)
/// and unknown fields, usually typos, are refused instead of silently never matching:
/// <code>
/// { "rules": [
///   { "rule": "brute-force-login", "event": "LoginAttempt", "match": { "success": false },
///     "groupBy": "principal", "threshold": 5, "window": "00:01:00", "severity": "high" },
///   { "rule": "credential-dumping", "event": "ProcessStarted", "match": { "processName": ["mimikatz.exe", "procdump.exe"] },
///     "groupBy": "host", "threshold": 1, "window": "00:10:00", "severity": "critical" },
///   { "rule": "port-scan", "event": "NetworkConnection", "match": { "direction": "outbound" },
///     "groupBy": "host", "distinct": "remotePort", "threshold": 20, "window": "00:01:00", "severity": "medium" } ] }
/// </code>
/// A match value is a scalar (equals) or an array of scalars (any of: a deny list).
/// </summary>
public static class DetectionRulesJson
{
    private static readonly string[] RootFields = ["rules"];
    private static readonly string[] RuleFields = ["rule", "event", "match", "groupBy", "distinct", "threshold", "window", "severity"];
    private static readonly string[] GroupFields = [TelemetrySchema.PrincipalField, TelemetrySchema.HostField];

    /// <summary>The longest window a rule may have: detectors keep up to two windows of matching events in memory.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    /// <summary>Reads and validates a rules document.</summary>
    /// <exception cref="DetectionRuleFormatException">naming the first field that is wrong.</exception>
    public static DetectionRuleSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException malformed)
        {
            throw new DetectionRuleFormatException("", $"not valid JSON: {malformed.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            Require(root.ValueKind == JsonValueKind.Object, "", "the document must be an object with a \"rules\" array.");
            RefuseUnknown(root, "", RootFields);
            Require(root.TryGetProperty("rules", out var array) && array.ValueKind == JsonValueKind.Array, "rules", "is required: an array of rules.");
            var rules = new List<DetectionRule>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"rules[{index++}]";
                var rule = ReadRule(element, path);
                Require(names.Add(rule.Name), $"{path}.rule", $"'{rule.Name}' is used by an earlier rule; rule names must be unique.");
                rules.Add(rule);
            }
            return new DetectionRuleSet(rules);
        }
    }

    private static DetectionRule ReadRule(JsonElement element, string path)
    {
        Require(element.ValueKind == JsonValueKind.Object, path, "must be an object.");
        RefuseUnknown(element, path, RuleFields);
        var name = RequireString(element, "rule", path);
        try
        {
            // The name becomes part of the alert source "detector:{name}", which must be a key part.
            EntityKey.Validate("rule", "detector:" + name);
        }
        catch (InvalidEventException invalid)
        {
            throw new DetectionRuleFormatException($"{path}.rule", $"'{name}' is not a usable rule name: {invalid.Message}");
        }
        var type = RequireString(element, "event", path);
        Require(TelemetrySchema.IsTelemetryType(type), $"{path}.event", $"'{type}' is not a telemetry type; use one of {string.Join(", ", TelemetrySchema.EventTypes)}.");
        var fields = TelemetrySchema.FieldsOf(type);

        var matches = new List<FieldMatch>();
        if (element.TryGetProperty("match", out var match))
        {
            Require(match.ValueKind == JsonValueKind.Object, $"{path}.match", "must be an object of field to value (or array of values).");
            foreach (var condition in match.EnumerateObject())
            {
                matches.Add(ReadMatch(condition, fields, type, $"{path}.match.{condition.Name}"));
            }
        }

        var groupBy = RequireString(element, "groupBy", path);
        Require(GroupFields.Contains(groupBy), $"{path}.groupBy", $"must be \"principal\" or \"host\" (was \"{groupBy}\").");
        string? distinct = null;
        if (element.TryGetProperty("distinct", out var distinctElement))
        {
            Require(distinctElement.ValueKind == JsonValueKind.String, $"{path}.distinct", "must be a field name.");
            distinct = distinctElement.GetString()!;
            Require(fields.ContainsKey(distinct), $"{path}.distinct", $"'{distinct}' is not a field of {type}; fields: {string.Join(", ", fields.Keys)}.");
            Require(distinct != groupBy, $"{path}.distinct", "must differ from groupBy (a group has one value of its own field).");
        }

        Require(element.TryGetProperty("threshold", out var thresholdElement), $"{path}.threshold", "is required (1 or more).");
        var threshold = 0;
        Require(thresholdElement.ValueKind == JsonValueKind.Number && thresholdElement.TryGetInt32(out threshold) && threshold is >= 1 and <= 100_000,
            $"{path}.threshold", $"must be an integer from 1 to 100000 (was {thresholdElement.GetRawText()}).");

        var windowText = RequireString(element, "window", path);
        var window = TimeSpan.Zero;
        Require(TimeSpan.TryParseExact(windowText, "c", CultureInfo.InvariantCulture, out window) && window > TimeSpan.Zero && window <= MaxWindow,
            $"{path}.window", $"must be a positive time span up to 1 day as [d.]hh:mm:ss, e.g. \"00:01:00\" (was \"{windowText}\").");

        var severity = RequireString(element, "severity", path);
        Require(DetectionRule.Severities.Contains(severity), $"{path}.severity", $"must be one of {string.Join(", ", DetectionRule.Severities)} (was \"{severity}\").");
        return new DetectionRule(name, type, matches, groupBy, distinct, threshold, window, severity);
    }

    private static FieldMatch ReadMatch(JsonProperty condition, IReadOnlyDictionary<string, TelemetryFieldKind> fields, string type, string path)
    {
        Require(fields.TryGetValue(condition.Name, out var kind), path, $"'{condition.Name}' is not a field of {type}; fields: {string.Join(", ", fields.Keys)}.");
        var values = new HashSet<string>(StringComparer.Ordinal);
        if (condition.Value.ValueKind == JsonValueKind.Array)
        {
            Require(condition.Value.GetArrayLength() > 0, path, "must list at least one value.");
            var i = 0;
            foreach (var item in condition.Value.EnumerateArray())
            {
                values.Add(Canonical(item, kind, $"{path}[{i++}]"));
            }
        }
        else
        {
            values.Add(Canonical(condition.Value, kind, path));
        }
        return new FieldMatch(condition.Name, values);
    }

    // The same text TelemetryEvent.Field gives, so matching is a plain string comparison.
    private static string Canonical(JsonElement value, TelemetryFieldKind kind, string path) => kind switch
    {
        TelemetryFieldKind.Boolean when value.ValueKind is JsonValueKind.True => "true",
        TelemetryFieldKind.Boolean when value.ValueKind is JsonValueKind.False => "false",
        TelemetryFieldKind.Integer when value.ValueKind is JsonValueKind.Number && value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        TelemetryFieldKind.Text when value.ValueKind is JsonValueKind.String && value.GetString() is { Length: > 0 } text => text,
        _ => throw new DetectionRuleFormatException(path, $"must be {Describe(kind)} (was {value.GetRawText()})."),
    };

    private static string Describe(TelemetryFieldKind kind) => kind switch
    {
        TelemetryFieldKind.Boolean => "true or false",
        TelemetryFieldKind.Integer => "an integer",
        _ => "a non-empty string",
    };

    private static string RequireString(JsonElement element, string name, string path)
    {
        Require(element.TryGetProperty(name, out var value), $"{path}.{name}", "is required.");
        Require(value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()), $"{path}.{name}", $"must be a non-empty string (was {value.GetRawText()}).");
        return value.GetString()!;
    }

    private static void RefuseUnknown(JsonElement element, string path, string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            Require(known.Contains(property.Name), at, $"is not a known field; expected {string.Join(", ", known)}.");
        }
    }

    private static void Require(bool condition, string path, string problem)
    {
        if (!condition)
        {
            throw new DetectionRuleFormatException(path, problem);
        }
    }
}
