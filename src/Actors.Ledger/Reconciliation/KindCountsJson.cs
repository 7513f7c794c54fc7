using System.Text.Json;

namespace Actors.Ledger.Reconciliation;

/// <summary>
/// The <c>mismatches_by_kind</c> column of both reconciliation stores: a JSON object of counts keyed by kebab-case kind
/// name, keys in ordinal order so the same counts always give the same text.
/// </summary>
internal static class KindCountsJson
{
    /// <summary>The counts as the column stores them.</summary>
    public static string Write(IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (kind, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(kind, count);
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The counts stored as <paramref name="json"/>.</summary>
    /// <exception cref="FormatException">when the column does not hold what <see cref="Write"/> writes.</exception>
    public static IReadOnlyDictionary<string, long> Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                counts.Add(property.Name, property.Value.GetInt64());
            }
            return counts;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"a reconciliation run's mismatch counts are not in the stored form: {json}", exception);
        }
    }
}
