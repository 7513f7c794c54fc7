using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Contracts.Security;
using Actors.Domain.Security;
using Actors.Streaming.Lanes;
using Actors.Tests.Clusters;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Security;

/// <summary>Alerts and identity events published onto the critical lane reach the tenant's intake exactly once.</summary>
public sealed class SecurityLaneTests(LocalClusterFixture fixture) : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly string _tenant = "t-" + Guid.NewGuid().ToString("N")[..8];

    private IEventIngressGrain Ingress => fixture.Client.GetGrain<IEventIngressGrain>(0);

    private ISecurityIntakeGrain Intake => fixture.Client.GetGrain<ISecurityIntakeGrain>(_tenant);

    [Fact]
    public async Task Alerts_on_the_critical_lane_open_and_grow_one_case_once_even_when_published_repeatedly()
    {
        var now = DateTimeOffset.UtcNow;
        var envelopes = new List<EventEnvelope>
        {
            SecurityEnvelopeCodec.ToEnvelope(_tenant, new AlertRaised { Source = "detector", Seq = 1, OccurredAt = now, Severity = AlertSeverity.Medium, Principal = "alice", Rule = "failed-logins" }),
            SecurityEnvelopeCodec.ToEnvelope(_tenant, new AlertRaised { Source = "detector", Seq = 2, OccurredAt = now, Severity = AlertSeverity.High, Principal = "alice", Host = "web-1", Rule = "odd-process" }),
            SecurityEnvelopeCodec.ToEnvelope(_tenant, new PrincipalDisabled { Source = "idp", Seq = 1, OccurredAt = now, Principal = "alice" }),
        };

        var receipts = await Ingress.PublishBatch(envelopes);
        await Ingress.PublishBatch(envelopes);

        Assert.All(receipts, r => Assert.Equal(LaneNames.Critical, r.Lane));
        var cases = await Eventually.Until(() => Intake.ListCases(null, 10),
            c => c.Count == 1 && c[0].Version == 3, Deadline, "one case with both alerts and the identity event");
        Assert.Equal((2, AlertSeverity.High, "alice", "web-1"), (cases[0].AlertCount, cases[0].Severity, cases[0].Principal, cases[0].Host));
        var replay = await Intake.RaiseAlert(new AlertRaised { Source = "detector", Seq = 1, OccurredAt = now, Severity = AlertSeverity.Medium, Principal = "alice", Rule = "failed-logins" });
        Assert.True(replay.Duplicate);
    }

    [Fact]
    public async Task An_alert_without_a_principal_or_host_is_refused_at_publish_and_nothing_is_written()
    {
        var now = DateTimeOffset.UtcNow;
        var noTarget = new EventEnvelope(_tenant, "nobody", "detector", 1, "AlertRaised", now, """{"severity":"High","rule":"r"}""");

        var refused = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.Publish(noTarget));

        Assert.Contains("neither a principal nor a host", refused.Message);
        Assert.Empty(await Intake.ListCases(null, 10));
    }

    [Fact]
    public async Task An_alert_the_intake_refuses_as_a_conflict_is_dead_lettered_with_its_reason_and_the_lane_keeps_flowing()
    {
        var now = DateTimeOffset.UtcNow;
        var first = SecurityEnvelopeCodec.ToEnvelope(_tenant, new AlertRaised { Source = "detector", Seq = 1, OccurredAt = now, Severity = AlertSeverity.Low, Principal = "mallory", Rule = "r" });
        // Well formed, so the ingress admits it; only the intake knows (source, seq) already means something else.
        var conflicting = SecurityEnvelopeCodec.ToEnvelope(_tenant, new AlertRaised { Source = "detector", Seq = 1, OccurredAt = now, Severity = AlertSeverity.Critical, Principal = "mallory", Rule = "r" });
        var later = SecurityEnvelopeCodec.ToEnvelope(_tenant, new AlertRaised { Source = "detector", Seq = 2, OccurredAt = now, Severity = AlertSeverity.Medium, Principal = "mallory", Rule = "r2" });

        // One at a time: the three share a stream, so the lane delivers them in this order.
        await Ingress.Publish(first);
        await Ingress.Publish(conflicting);
        await Ingress.Publish(later);

        var cases = await Eventually.Until(() => Intake.ListCases(null, 10), c => c.Count == 1 && c[0].AlertCount == 2, Deadline, "the first and the later alert on one case");
        Assert.Equal(AlertSeverity.Medium, cases[0].Severity);
        var deadLetters = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>()).First();
        var parked = await Eventually.Until(
            async () => (await deadLetters.ListAsync(LaneNames.Critical, 1000, CancellationToken.None)).Where(d => d.Envelope.Tenant == _tenant).ToList(),
            d => d.Count == 1, Deadline, "the conflicting alert in the critical DLQ");
        Assert.Contains("already recorded with a different payload", parked[0].Reason);
        Assert.Equal(conflicting.Payload, parked[0].Envelope.Payload);
    }
}
