using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Contracts.Security;
using Actors.Domain.Detection;
using Actors.Domain.Security;
using Actors.Grains.Detection;
using Actors.Tests.Clusters;

namespace Actors.Tests.Detection;

/// <summary>
/// The ingress decodes security and telemetry envelopes before it enqueues them: a malformed one is refused with the field
/// named, and a batch that holds one is refused whole, so nothing of it reaches the intake or the detectors.
/// </summary>
public sealed class SecurityAndTelemetryAdmissionTests(DetectionClusterFixture fixture) : IClassFixture<DetectionClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _tenant = "t-" + Guid.NewGuid().ToString("N")[..8];

    private IEventIngressGrain Ingress => fixture.Client.GetGrain<IEventIngressGrain>(0);

    private ISecurityIntakeGrain Intake => fixture.Client.GetGrain<ISecurityIntakeGrain>(_tenant);

    [Theory]
    [InlineData("AlertRaised", """{"severity":"High","principal":"alice"}""", "rule")]
    [InlineData("AlertRaised", """{"severity":"Apocalyptic","rule":"r","principal":"alice"}""", "severity")]
    [InlineData("AlertRaised", """{"severity":"Low","rule":"r","host":"bad host"}""", "host")]
    [InlineData("PrincipalDisabled", """{"principal":"a b"}""", "principal")]
    [InlineData("CredentialsRotated", """{"principal":"alice","reason":42}""", "reason")]
    [InlineData("LoginAttempt", """{"host":"ws-1","success":false}""", "principal is required")]
    [InlineData("LoginAttempt", """{"principal":"alice","host":"ws-1","success":"no"}""", "success must be true or false")]
    [InlineData("ProcessStarted", """{"host":"ws-1","processName":""}""", "processName must be a non-empty string")]
    [InlineData("NetworkConnection", """{"host":"ws-1","remoteAddress":"10.0.0.9","remotePort":70000,"direction":"outbound"}""", "remotePort must be an integer")]
    [InlineData("NetworkConnection", """{"host":"ws-1","remoteAddress":"10.0.0.9","remotePort":445,"direction":"sideways"}""", "direction must be")]
    public async Task A_malformed_envelope_is_refused_at_publish_naming_the_field(string type, string payload, string expected)
    {
        var envelope = new EventEnvelope(_tenant, "alice", "src", 1, type, DateTimeOffset.UtcNow, payload);

        var single = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.Publish(envelope));
        var batch = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.PublishBatch([envelope]));

        Assert.Contains(expected, single.Message);
        Assert.Contains(expected, batch.Message);
        Assert.Contains("envelope #1", batch.Message);
    }

    [Fact]
    public async Task A_security_batch_with_one_bad_envelope_writes_nothing()
    {
        var now = DateTimeOffset.UtcNow;
        var good = SecurityEnvelopeCodec.ToEnvelope(_tenant, new AlertRaised { Source = "siem", Seq = 1, OccurredAt = now, Severity = AlertSeverity.Low, Principal = "bob", Rule = "refused-with-the-batch" });
        var bad = new EventEnvelope(_tenant, "bob", "idp", 1, "PrincipalDisabled", now, """{"principal":"bob","reason":{"nested":true}}""");

        var refused = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.PublishBatch([good, bad]));
        Assert.Contains("envelope #2", refused.Message);
        Assert.Contains("reason", refused.Message);
        Assert.Contains("Nothing was enqueued", refused.Message);

        // The later alert shares the refused one's stream, so had the refused one been enqueued it would have opened the case first.
        await Ingress.Publish(SecurityEnvelopeCodec.ToEnvelope(_tenant, new AlertRaised { Source = "siem", Seq = 2, OccurredAt = now, Severity = AlertSeverity.Low, Principal = "bob", Rule = "published-later" }));
        var cases = await Eventually.Until(() => Intake.ListCases(null, 10), c => c.Count >= 1, Deadline, "the later alert's case");
        var opened = Assert.Single(cases);
        Assert.Equal((1, "published-later"), (opened.AlertCount, Assert.Single(opened.Rules)));
    }

    [Fact]
    public async Task A_telemetry_batch_with_one_bad_envelope_writes_nothing()
    {
        var principal = "user-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        // Five failures would fire the brute-force rule, had they been enqueued.
        var failures = Enumerable.Range(1, 5)
            .Select(i => TelemetryEnvelopeCodec.ToEnvelope(_tenant, principal, new LoginAttempt("idp", i, now.AddSeconds(i), principal, "ws-" + principal, Success: false)))
            .ToList();
        var bad = new EventEnvelope(_tenant, principal, "edr", 1, "NetworkConnection", now, """{"host":"ws-1","remoteAddress":"10.0.0.9","remotePort":"445","direction":"outbound"}""");

        var refused = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.PublishBatch([.. failures, bad]));
        Assert.Contains("envelope #6", refused.Message);
        Assert.Contains("remotePort", refused.Message);

        // A marker on the same detector stream: once its alert is out, everything enqueued before it has been processed.
        await Ingress.Publish(TelemetryEnvelopeCodec.ToEnvelope(_tenant, principal, new ProcessStarted("edr", 2, now, "ws-" + principal, principal, "mimikatz.exe")));
        var alerts = await Eventually.Until(
            () => Task.FromResult(fixture.Alerts.Where(a => a.Alert.Tenant == _tenant).ToList()),
            a => a.Count >= 1, Deadline, "the marker's alert");
        Assert.Equal("detector:credential-dumping-tool", Assert.Single(alerts).Alert.Source);
        var status = await fixture.Client.GetGrain<IDetectorGrain>(EntityKey.Format(_tenant, principal)).GetStatus();
        Assert.Equal((1L, 0L), (status.Processed, status.Dropped));
    }
}
