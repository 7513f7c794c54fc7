using System.Diagnostics.Metrics;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Contracts.Security;
using Actors.Domain.Detection;
using Actors.Domain.Lanes;
using Actors.Grains.Detection;
using Actors.Grains.Telemetry;
using Actors.Streaming.Lanes;
using Actors.Tests.Clusters;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Detection;

/// <summary>Telemetry on the bulk lane reaches the detectors; a fired rule raises exactly one AlertRaised on the critical lane.</summary>
public sealed class DetectorGrainTests(DetectionClusterFixture fixture) : IClassFixture<DetectionClusterFixture>
{
    private const string Tenant = "t1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IEventIngressGrain Ingress => fixture.Client.GetGrain<IEventIngressGrain>(0);

    private static string NewPrincipal() => "user-" + Guid.NewGuid().ToString("N")[..8];

    // A host of its own per principal: the security cases correlate alerts by host too, and tests must not share cases.
    private static EventEnvelope Failure(string principal, long seq, DateTimeOffset at) =>
        TelemetryEnvelopeCodec.ToEnvelope(Tenant, principal, new LoginAttempt("idp", seq, at, principal, HostOf(principal), Success: false));

    private static string HostOf(string principal) => "ws-" + principal;

    private IDetectorGrain Detector(string entity) => fixture.Client.GetGrain<IDetectorGrain>(EntityKey.Format(Tenant, entity));

    private List<PublishedAlert> AlertsFor(string entity) => fixture.Alerts.Where(a => a.Alert.Entity == entity).ToList();

    private Task<DetectorStatus> ProcessedAsync(string entity, long deliveries) =>
        Eventually.Until(() => Detector(entity).GetStatus(), s => s.Processed >= deliveries, Deadline, $"{deliveries} deliveries to the detector of {entity}");

    [Fact]
    public async Task Five_failed_logins_within_a_minute_raise_exactly_one_alert_on_the_critical_lane()
    {
        var principal = NewPrincipal();
        var now = DateTimeOffset.UtcNow;
        var detections = 0L;
        using var listener = ListenForDetections(() => Interlocked.Increment(ref detections));

        await Ingress.PublishBatch(Enumerable.Range(1, 5).Select(i => Failure(principal, i, now.AddSeconds(i))).ToList());
        var alerts = await Eventually.Until(() => Task.FromResult(AlertsFor(principal)), a => a.Count >= 1, Deadline, "an alert");
        // More failures inside the fired window, then wait until the detector has seen them: still one alert.
        await Ingress.PublishBatch([Failure(principal, 6, now.AddSeconds(6)), Failure(principal, 7, now.AddSeconds(7))]);
        await ProcessedAsync(principal, 7);

        var alert = Assert.Single(AlertsFor(principal));
        Assert.Equal(LaneNames.Critical, alert.Lane);
        Assert.Equal((Tenant, "detector:brute-force-login", "AlertRaised", now.AddSeconds(1)), (alert.Alert.Tenant, alert.Alert.Source, alert.Alert.Type, alert.Alert.OccurredAt));
        Assert.Equal($$"""{"severity":"high","principal":"{{principal}}","host":"{{HostOf(principal)}}","rule":"brute-force-login"}""", alert.Alert.Payload);
        Assert.True(Interlocked.Read(ref detections) >= 1, "the detections counter was not incremented");
    }

    [Fact]
    public async Task A_brute_force_detection_opens_one_security_case_for_the_principal()
    {
        var principal = NewPrincipal();
        var now = DateTimeOffset.UtcNow;

        await Ingress.PublishBatch(Enumerable.Range(1, 12).Select(i => Failure(principal, i, now.AddSeconds(i))).ToList());

        var intake = fixture.Client.GetGrain<ISecurityIntakeGrain>(Tenant);
        var cases = await Eventually.Until(
            async () => (await intake.ListCases(null, 1000)).Where(c => c.Principal == principal).ToList(),
            c => c.Count >= 1, Deadline, "a security case for the principal");
        var opened = Assert.Single(cases);
        Assert.Equal((AlertSeverity.High, 1, "brute-force-login"), (opened.Severity, opened.AlertCount, Assert.Single(opened.Rules)));
    }

    [Fact]
    public async Task An_alert_whose_publish_fails_is_published_once_it_can_be()
    {
        var principal = NewPrincipal();
        var now = DateTimeOffset.UtcNow;
        foreach (var publisher in fixture.Publishers)
        {
            publisher.FailNext(principal, 2);
        }

        await Ingress.PublishBatch(Enumerable.Range(1, 5).Select(i => Failure(principal, i, now.AddSeconds(i))).ToList());

        await Eventually.Until(() => Task.FromResult(AlertsFor(principal)), a => a.Count >= 1, Deadline, "the alert after two failed publishes");
        var status = await Eventually.Until(() => Detector(principal).GetStatus(), s => s.AlertsPending == 0, Deadline, "no alert pending");
        Assert.Equal(1, status.AlertsRaised);
        Assert.Single(AlertsFor(principal));
    }

    [Fact]
    public async Task Four_failures_raise_nothing()
    {
        var principal = NewPrincipal();
        var now = DateTimeOffset.UtcNow;

        await Ingress.PublishBatch(Enumerable.Range(1, 4).Select(i => Failure(principal, i, now.AddSeconds(i))).ToList());
        var status = await ProcessedAsync(principal, 4);

        Assert.Equal(0, status.AlertsRaised);
        Assert.Empty(AlertsFor(principal));
    }

    [Fact]
    public async Task Redelivered_telemetry_is_not_counted_twice()
    {
        var principal = NewPrincipal();
        var now = DateTimeOffset.UtcNow;
        var four = Enumerable.Range(1, 4).Select(i => Failure(principal, i, now.AddSeconds(i))).ToList();

        await Ingress.PublishBatch(four);
        await ProcessedAsync(principal, 4);
        await Ingress.PublishBatch(four);
        var afterRedelivery = await ProcessedAsync(principal, 8);
        Assert.Equal((4, 0), (afterRedelivery.Duplicates, afterRedelivery.AlertsRaised));
        Assert.Empty(AlertsFor(principal));

        await Ingress.Publish(Failure(principal, 5, now.AddSeconds(5)));
        await Eventually.Until(() => Task.FromResult(AlertsFor(principal)), a => a.Count >= 1, Deadline, "the alert on the fifth distinct failure");
        await Ingress.PublishBatch(four);
        await ProcessedAsync(principal, 13);
        Assert.Single(AlertsFor(principal));
    }

    [Fact]
    public async Task Malformed_telemetry_is_refused_at_publish_and_when_it_reaches_the_lane_anyway_it_is_dead_lettered()
    {
        var host = "host-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var malformed = new EventEnvelope(Tenant, host, "edr", 1, "ProcessStarted", now, """{"host":"has space","processName":"x"}""");
        var dumper = TelemetryEnvelopeCodec.ToEnvelope(Tenant, host, new ProcessStarted("edr", 2, now, host, null, "mimikatz.exe"));

        var refused = await Assert.ThrowsAsync<InvalidEventException>(() => Ingress.Publish(malformed));
        Assert.Contains("host 'has space'", refused.Message);
        // The ingress no longer lets it through, so it is written the way a producer that bypasses the ingress would.
        var key = EntityKey.Format(Tenant, host);
        await fixture.Client.GetGrain<IRawLaneWriterGrain>(0).Write(LaneNames.Bulk, EventRoutingTable.Detector, key, malformed);
        await Ingress.Publish(dumper);

        var alert = Assert.Single(await Eventually.Until(() => Task.FromResult(AlertsFor(host)), a => a.Count >= 1, Deadline, "the deny-list alert"));
        Assert.Equal("detector:credential-dumping-tool", alert.Alert.Source);
        var deadLetters = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>();
        var parked = await Eventually.Until(
            async () => (await deadLetters.ListAsync(LaneNames.Bulk, 1000, CancellationToken.None)).Where(d => d.Envelope.Entity == host).ToList(),
            d => d.Count == 1, Deadline, "the malformed event in the bulk DLQ");
        Assert.Contains("host 'has space'", parked[0].Reason);
        Assert.Equal(1, (await Detector(host).GetStatus()).Dropped);
    }

    private static MeterListener ListenForDetections(Action counted)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Actors" && instrument.Name == DetectionInstruments.DetectionsName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == DetectionInstruments.RuleTag && Equals(tag.Value, "brute-force-login"))
                {
                    counted();
                }
            }
        });
        listener.Start();
        return listener;
    }
}
