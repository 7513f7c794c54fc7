using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Contracts.Security;
using Actors.Domain.Security;
using static Actors.Domain.Tests.Security.SecuritySamples;

namespace Actors.Domain.Tests.Security;

public sealed class SecurityEnvelopeCodecTests
{
    [Fact]
    public void Alert_round_trips_through_an_envelope()
    {
        var alert = Alert(3, principal: "alice@corp", host: "web-1", severity: AlertSeverity.High);
        var envelope = SecurityEnvelopeCodec.ToEnvelope("acme", alert);

        var (tenant, decoded, identity) = SecurityEnvelopeCodec.FromEnvelope(envelope);

        Assert.Equal("acme", tenant);
        Assert.Equal(alert, decoded);
        Assert.Null(identity);
        Assert.Equal("alice@corp", envelope.Entity);
    }

    [Fact]
    public void Identity_event_without_a_principal_is_about_the_entity()
    {
        var envelope = new EventEnvelope("acme", "bob", "idp", 9, "CredentialsRotated", T0, """{"reason":"rotation"}""");

        var (_, alert, identity) = SecurityEnvelopeCodec.FromEnvelope(envelope);

        Assert.Null(alert);
        var rotated = Assert.IsType<CredentialsRotated>(identity);
        Assert.Equal(("bob", "rotation", "idp", 9L), (rotated.Principal, rotated.Reason, rotated.Source, rotated.Seq));
    }

    [Fact]
    public void A_detector_shaped_alert_with_a_lower_case_severity_decodes()
    {
        var envelope = new EventEnvelope("acme", "alice", "detector:brute-force-login", 3, "AlertRaised", T0,
            """{"severity":"high","principal":"alice","host":"ws-1","rule":"brute-force-login"}""");

        var (_, alert, _) = SecurityEnvelopeCodec.FromEnvelope(envelope);

        Assert.Equal((AlertSeverity.High, "alice", "ws-1", "brute-force-login", "detector:brute-force-login", 3L),
            (alert!.Severity, alert.Principal, alert.Host, alert.Rule, alert.Source, alert.Seq));
        Assert.Equal("case-detector:brute-force-login-3", CaseKeys.CaseIdFor(alert.Source, alert.Seq));
    }

    [Theory]
    [InlineData("AlertRaised", """{"severity":"High","principal":"alice"}""", "rule")]
    [InlineData("AlertRaised", """{"severity":"Apocalyptic","rule":"r","principal":"alice"}""", "not a valid AlertRaised")]
    [InlineData("AlertRaised", """{"severity":"Low","rule":"r"}""", "neither a principal nor a host")]
    [InlineData("AlertRaised", """{"severity":"Low","rule":"r","host":"bad host"}""", "host")]
    [InlineData("AlertRaised", """[1,2]""", "JSON object")]
    [InlineData("AlertRaised", """{"severity":"Low","rule":"r","host":"h","seq":99}""", "disagrees")]
    [InlineData("UsageRecorded", """{}""", "not a security event type")]
    public void Bad_envelopes_are_refused_with_a_specific_message(string type, string payload, string expected)
    {
        var envelope = new EventEnvelope("acme", "alice", "detector", 1, type, T0, payload);

        var error = Assert.Throws<InvalidEventException>(() => SecurityEnvelopeCodec.FromEnvelope(envelope));

        Assert.Contains(expected, error.Message);
    }
}
