using System.Text;
using System.Text.Json;

namespace Actors.Cli.Output;

/// <summary>
/// The part of a ledger payload a reader of the ledger table needs: the event's own fields as <c>name=value</c>,
/// without the source, seq, time and currency that the table already shows in columns.
/// </summary>
public static class LedgerPayloadSummary
{
    private static readonly HashSet<string> ShownInColumns = new(StringComparer.OrdinalIgnoreCase) { "source", "seq", "occurredAt" };

    /// <summary>Summarises <paramref name="payload"/>; a payload that is not a JSON object is shown as it is.</summary>
    public static string Of(string payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            // A row written by another producer may not be JSON; the table then shows it verbatim rather than failing.
            return payload;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return payload;
            }

            var summary = new StringBuilder();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (ShownInColumns.Contains(property.Name) || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                summary.Append(summary.Length == 0 ? "" : " ")
                    .Append(property.Name)
                    .Append('=')
                    .Append(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText());
            }
            return summary.ToString();
        }
    }
}
