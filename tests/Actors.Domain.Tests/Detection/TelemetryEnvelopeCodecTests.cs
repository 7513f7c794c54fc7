using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Domain.Detection;
using static Actors.Domain.Tests.Detection.TestRules;

namespace Actors.Domain.Tests.Detection;

/// <summary>Telemetry on the lanes: round trips, and malformed payloads refused naming the field.</summary>
public sealed class TelemetryEnvelopeCodecTests
{
    public static TheoryData<TelemetryEvent> Events() =>
    [
        Failure("alice@corp", 3, 1),
        new ProcessStarted("edr", 4, T0, "srv-1", null, "mimikatz.exe"),
        new NetworkConnection("fw", 5, T0, "ws-2", "bob", "10.0.0.9", 445, "outbound"),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void An_event_survives_the_envelope(TelemetryEvent telemetry)
    {
        var envelope = TelemetryEnvelopeCodec.ToEnvelope("t1", "bucket-1", telemetry);

        Assert.Equal((telemetry.Type, "bucket-1", telemetry.Source, telemetry.Seq), (envelope.Type, envelope.Entity, envelope.Source, envelope.Seq));
        Assert.Equal(telemetry, TelemetryEnvelopeCodec.FromEnvelope(EventEnvelopeJson.Parse(EventEnvelopeJson.Serialize(envelope))));
    }

    [Theory]
    [InlineData("LoginAttempt", """{"host":"ws-1","success":false}""", "payload principal is required")]
    [InlineData("LoginAttempt", """{"principal":"a b","host":"ws-1","success":false}""", "principal 'a b'")]
    [InlineData("LoginAttempt", """{"principal":"alice","host":"ws-1","success":"no"}""", "success must be true or false")]
    [InlineData("ProcessStarted", """{"host":"ws-1","processName":""}""", "processName must be a non-empty string")]
    [InlineData("NetworkConnection", """{"host":"ws-1","remoteAddress":"x","remotePort":70000,"direction":"outbound"}""", "remotePort must be an integer")]
    [InlineData("NetworkConnection", """{"host":"ws-1","remoteAddress":"x","remotePort":1,"direction":"sideways"}""", "direction must be")]
    [InlineData("LoginAttempt", """{"principal":"alice","host":"ws-1","success":true,"seq":9}""", "seq 9 disagrees")]
    [InlineData("UsageRecorded", """{}""", "not a telemetry event type")]
    public void A_malformed_event_is_refused_naming_the_field(string type, string payload, string expected)
    {
        var envelope = new EventEnvelope("t1", "alice", "idp", 1, type, T0, payload);

        var error = Assert.Throws<InvalidEventException>(() => TelemetryEnvelopeCodec.FromEnvelope(envelope));

        Assert.Contains(expected, error.Message);
    }
}
