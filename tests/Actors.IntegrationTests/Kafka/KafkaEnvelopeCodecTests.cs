using System.Text;
using Actors.Streaming.Kafka;

namespace Actors.IntegrationTests.Kafka;

/// <summary>The lane wire format: what the adapter writes reads back equal, and what other services get wrong is named.</summary>
public sealed class KafkaEnvelopeCodecTests
{
    [Fact]
    public void An_envelope_written_reads_back_equal()
    {
        var envelope = KafkaTestEvents.UsageRecorded("acme", "c-1", 42, quantity: 7) with { EnqueuedAt = DateTimeOffset.Parse("2030-01-01T12:00:01Z") };

        Assert.True(KafkaEnvelopeCodec.TryParse(KafkaEnvelopeCodec.Serialize(envelope), out var read, out var error), error);

        Assert.Equal(envelope, read);
        Assert.Equal("acme/c-1", KafkaEnvelopeCodec.Key(envelope));
    }

    [Theory]
    [InlineData("""{"tenant":"a","entity":"e","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{},"sequence":2}""", "unknown property 'sequence'")]
    [InlineData("""{"tenant":"a","entity":"e","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00","payload":{}}""", "occurredAt must be an ISO-8601 timestamp with a time-zone offset")]
    [InlineData("""{"tenant":"a","entity":"e","source":"s","seq":0,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "seq must be a positive integer")]
    [InlineData("""{"tenant":"a","entity":"e","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":"{}"}""", "payload must be a JSON object")]
    [InlineData("""{"tenant":"a","entity":"e","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "source is required")]
    [InlineData("""{"tenant":"a b","entity":"e","source":"s","seq":1,"type":"T","occurredAt":"2030-01-01T00:00:00Z","payload":{}}""", "tenant 'a b' may only contain")]
    [InlineData("""[1,2]""", "an envelope must be a JSON object")]
    [InlineData("""{"tenant":""", "not valid JSON")]
    public void A_malformed_message_is_rejected_with_what_is_wrong(string value, string expected)
    {
        Assert.False(KafkaEnvelopeCodec.TryParse(Encoding.UTF8.GetBytes(value), out var envelope, out var error));

        Assert.Null(envelope);
        Assert.Contains(expected, error);
    }
}
