using Actors.Contracts.Errors;
using Actors.Contracts.Events;

namespace Actors.Client.Events;

/// <summary>
/// Files of envelopes, one <see cref="EventEnvelopeJson"/> object per line (JSON Lines). Blank lines are skipped; every
/// error names the line it is on, counting from 1.
/// </summary>
public static class EventEnvelopeJsonLines
{
    /// <summary>
    /// Reads and validates every envelope in <paramref name="reader"/> before returning any, so a caller can refuse the
    /// whole input when one line is bad.
    /// </summary>
    /// <param name="reader">The JSON Lines text.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The envelopes in file order.</returns>
    /// <exception cref="InvalidEventException">for the first bad line, e.g. <c>line 17: seq must be a positive integer (was 0).</c></exception>
    public static async Task<IReadOnlyList<EventEnvelope>> ReadAllAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var envelopes = new List<EventEnvelope>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (!EventEnvelopeJson.TryParse(line, out var envelope, out var error))
            {
                throw new InvalidEventException($"line {lineNumber}: {error}");
            }
            envelopes.Add(envelope);
        }
        return envelopes;
    }

    /// <summary>Writes <paramref name="envelopes"/> to <paramref name="writer"/>, one line each.</summary>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="envelopes">The envelopes, in the order they should appear.</param>
    /// <param name="cancellationToken">Stops writing.</param>
    /// <returns>A task that completes when every line is written.</returns>
    /// <exception cref="InvalidEventException">when an envelope's payload is not a JSON object.</exception>
    public static async Task WriteAllAsync(TextWriter writer, IEnumerable<EventEnvelope> envelopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(envelopes);
        foreach (var envelope in envelopes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(EventEnvelopeJson.Serialize(envelope).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
