using Actors.Domain.Detection;
using static Actors.Domain.Tests.Detection.TestRules;

namespace Actors.Domain.Tests.Detection;

/// <summary>The AlertRaised envelope: the security cases' payload, and a key that is a function of the window alone.</summary>
public sealed class AlertEnvelopeCodecTests
{
    private static RuleFiring Fire(string principal, double startSeconds)
    {
        var state = new DetectorState(All);
        return Enumerable.Range(1, 5).SelectMany(i => state.Observe(Failure(principal, i, startSeconds + i - 1, host: "ws-" + i)).Detections).Single();
    }

    [Fact]
    public void The_alert_names_the_principal_as_entity_and_carries_severity_principal_host_and_rule()
    {
        var alert = AlertEnvelopeCodec.ToEnvelope("t1", Fire("alice", 0));

        Assert.Equal(("t1", "alice", "detector:brute-force-login", "AlertRaised", T0), (alert.Tenant, alert.Entity, alert.Source, alert.Type, alert.OccurredAt));
        Assert.Equal("""{"severity":"high","principal":"alice","host":"ws-1","rule":"brute-force-login"}""", alert.Payload);
        Assert.True(alert.Seq >= 1);
    }

    [Fact]
    public void The_same_window_found_again_gets_the_same_key_and_other_groups_or_windows_another()
    {
        var first = AlertEnvelopeCodec.ToEnvelope("t1", Fire("alice", 0));

        Assert.Equal(first, AlertEnvelopeCodec.ToEnvelope("t1", Fire("alice", 0)));
        Assert.NotEqual(first.Seq, AlertEnvelopeCodec.ToEnvelope("t1", Fire("bob", 0)).Seq);
        Assert.NotEqual(first.Seq, AlertEnvelopeCodec.ToEnvelope("t1", Fire("alice", 90)).Seq);
    }

    [Fact]
    public void A_host_rule_names_the_host_as_entity_and_leaves_out_an_unknown_principal()
    {
        var detection = new DetectorState(All).Observe(new ProcessStarted("edr", 1, T0, "srv-9", null, "mimikatz.exe")).Detections.Single();

        var alert = AlertEnvelopeCodec.ToEnvelope("t1", detection);

        Assert.Equal("srv-9", alert.Entity);
        Assert.Equal("""{"severity":"critical","host":"srv-9","rule":"credential-dumping-tool"}""", alert.Payload);
    }
}
