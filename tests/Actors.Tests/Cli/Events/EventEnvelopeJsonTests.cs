using Actors.Contracts.Events;
using System.Text;
using Actors.Client.Events;
using Actors.Contracts.Errors;

namespace Actors.Tests.Cli.Events;

/// <summary>The JSON wire form of envelopes: exact round trips, and errors that name the line and the field.</summary>
public sealed class EventEnvelopeJsonTests
{
    private const string Good =
        """{"tenant":"acme","entity":"c1","source":"meter","seq":3,"type":"UsageRecorded","occurredAt":"2030-01-01T12:00:00Z","payload":{"meter":"api-calls","quantity":3}}""";

    [Fact]
    public void Serialize_then_parse_gives_the_same_envelope_and_the_same_text()
    {
        var envelope = Envelopes.Usage(42) with { EnqueuedAt = Envelopes.At.AddMinutes(1) };

        var line = EventEnvelopeJson.Serialize(envelope);
        var back = EventEnvelopeJson.Parse(line);

        Assert.Equal(envelope, back);
        Assert.Equal(envelope.EnqueuedAt, back.EnqueuedAt);
        Assert.Equal(line, EventEnvelopeJson.Serialize(back));
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void The_payload_object_becomes_compact_text_and_keeps_non_ascii_readable()
    {
        var envelope = EventEnvelopeJson.Parse(
            """{ "tenant": "acme", "entity": "c1", "source": "crm", "seq": 1, "type": "CreditGranted", "occurredAt": "2030-01-01T12:00:00+02:00", "payload": { "amountMinor": 100, "reason": "geste commercial, désolé\nligne 2" } }""");

        Assert.Equal("""{"amountMinor":100,"reason":"geste commercial, désolé\nligne 2"}""", envelope.Payload);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.FromHours(2)), envelope.OccurredAt);
        Assert.Null(envelope.EnqueuedAt);
    }

    [Theory]
    [InlineData("""{"tenant":"acme","entity":"c1""", "line 3: not valid JSON (error at byte")]
    [InlineData("""{"tenant":"acme",x}""", "line 3: not valid JSON (error at byte 18).")]
    [InlineData("""[1,2]""", "line 3: an envelope must be a JSON object (was an array).")]
    [InlineData("""{"entity":"c1","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: tenant is required.")]
    [InlineData("""{"tenant":7,"entity":"c1","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: tenant must be a string (was a number).")]
    [InlineData("""{"tenant":"ac me","entity":"c1","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: tenant 'ac me' may only contain")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":0,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: seq must be a positive integer (was 0).")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":"5","type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: seq must be a positive integer (was \"5\").")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":1.5,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: seq must be a positive integer (was 1.5).")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":1,"type":"","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: type is required.")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00","payload":{}}""", "line 3: occurredAt must be an ISO-8601 timestamp with a time-zone offset")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":1,"type":"T","occurredAt":"yesterday","payload":{}}""", "line 3: occurredAt must be an ISO-8601 timestamp with a time-zone offset, e.g. 2030-01-01T12:00:00Z (was \"yesterday\").")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":"{}"}""", "line 3: payload must be a JSON object (was a string).")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z"}""", "line 3: payload is required.")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":1,"type":"T","ocurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: unknown property 'ocurredAt'")]
    [InlineData("""{"tenant":"acme","entity":"c1","source":"s","seq":1,"seq":2,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "line 3: property 'seq' appears more than once.")]
    public async Task A_bad_line_is_reported_with_its_number_and_what_is_wrong(string badLine, string expectedMessage)
    {
        // Line 2 is blank: blank lines are skipped but still counted, so the number matches an editor's.
        var text = string.Join('\n', Good, "", badLine, Good);

        var error = await Assert.ThrowsAsync<InvalidEventException>(() => EventEnvelopeJsonLines.ReadAllAsync(new StringReader(text)));

        Assert.StartsWith(expectedMessage, error.Message);
    }

    [Fact]
    public async Task A_file_of_good_lines_reads_in_order_and_writes_back_identically()
    {
        var envelopes = Enumerable.Range(1, 5).Select(i => i % 2 == 0 ? Envelopes.Payment(i) : Envelopes.Usage(i)).ToList();
        var written = new StringWriter();

        await EventEnvelopeJsonLines.WriteAllAsync(written, envelopes);
        var read = await EventEnvelopeJsonLines.ReadAllAsync(new StringReader(written.ToString() + "\n\n"));

        Assert.Equal(envelopes, read);
    }

    [Fact]
    public void TryParse_reports_bad_utf8_input_without_throwing()
    {
        var bytes = Encoding.UTF8.GetBytes(Good.Replace("\"seq\":3", "\"seq\":-3", StringComparison.Ordinal));

        var ok = EventEnvelopeJson.TryParse(bytes, out var envelope, out var error);

        Assert.False(ok);
        Assert.Null(envelope);
        Assert.Equal("seq must be a positive integer (was -3).", error);
        Assert.True(EventEnvelopeJson.TryParse(Encoding.UTF8.GetBytes(Good), out var good, out _));
        Assert.Equal(3, good.Seq);
    }

    [Fact]
    public void Serializing_a_payload_that_is_not_an_object_is_refused()
    {
        var error = Assert.Throws<InvalidEventException>(() => EventEnvelopeJson.Serialize(Envelopes.Usage(1) with { Payload = "42" }));

        Assert.Equal("payload must be a JSON object (was a number).", error.Message);
    }
}
