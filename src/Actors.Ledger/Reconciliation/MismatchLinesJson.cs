using System.Text.Json;
using Actors.Contracts.Reconciliation;

namespace Actors.Ledger.Reconciliation;

/// <summary>
/// The <c>lines</c> column of both reconciliation stores: a JSON array written field by field in a fixed order with no
/// whitespace, so equal lines always give equal text. The stores rely on that: a rerun that finds the same figures is
/// recognised by comparing this text in SQL, and then leaves the row (and its <c>updated_at</c>) alone.
/// </summary>
internal static class MismatchLinesJson
{
    private const string Subject = "subject";
    private const string UsageWindow = "usageWindow";
    private const string ExpectedQuantity = "expectedQuantity";
    private const string ActualQuantity = "actualQuantity";
    private const string ExpectedAmountMinor = "expectedAmountMinor";
    private const string ActualAmountMinor = "actualAmountMinor";
    private const string Currency = "currency";

    /// <summary>The lines as the column stores them.</summary>
    public static string Write(IReadOnlyList<MismatchLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var line in lines)
            {
                ArgumentNullException.ThrowIfNull(line, nameof(lines));
                writer.WriteStartObject();
                writer.WriteString(Subject, line.Subject);
                // Written even when null: one shape for every line keeps the text a function of the values alone.
                writer.WriteString(UsageWindow, line.UsageWindow);
                writer.WriteNumber(ExpectedQuantity, line.ExpectedQuantity);
                writer.WriteNumber(ActualQuantity, line.ActualQuantity);
                writer.WriteNumber(ExpectedAmountMinor, line.ExpectedAmountMinor);
                writer.WriteNumber(ActualAmountMinor, line.ActualAmountMinor);
                writer.WriteString(Currency, line.Currency);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The lines stored as <paramref name="json"/>.</summary>
    /// <exception cref="FormatException">when the column does not hold what <see cref="Write"/> writes.</exception>
    public static IReadOnlyList<MismatchLine> Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var lines = new List<MismatchLine>(document.RootElement.GetArrayLength());
            foreach (var line in document.RootElement.EnumerateArray())
            {
                lines.Add(new MismatchLine(
                    line.GetProperty(Subject).GetString()!,
                    line.GetProperty(UsageWindow).GetString(),
                    line.GetProperty(ExpectedQuantity).GetInt64(),
                    line.GetProperty(ActualQuantity).GetInt64(),
                    line.GetProperty(ExpectedAmountMinor).GetInt64(),
                    line.GetProperty(ActualAmountMinor).GetInt64(),
                    line.GetProperty(Currency).GetString()!));
            }
            return lines;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"a reconciliation result's lines are not in the stored form: {json}", exception);
        }
    }
}
