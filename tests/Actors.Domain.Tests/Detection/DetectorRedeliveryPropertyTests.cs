using Actors.Domain.Detection;
using CsCheck;
using static Actors.Domain.Tests.Detection.TestRules;

namespace Actors.Domain.Tests.Detection;

/// <summary>
/// Seeded simulation of at-least-once delivery: any telemetry stream with redeliveries inserted raises exactly the alerts
/// the same stream raises without them. CsCheck prints the failing seed.
/// </summary>
public sealed class DetectorRedeliveryPropertyTests
{
    private static readonly Gen<(int Principal, int Second, bool Success)> Attempt =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 400], Gen.Bool);

    [Fact]
    public void Redeliveries_never_change_the_alerts_raised()
    {
        Gen.Select(Attempt.List[1, 120], Gen.Int.List[0, 60]).Sample((attempts, redeliveries) =>
        {
            // Mostly in time order with some jitter, as a lane delivers telemetry from several agents.
            var events = attempts
                .Select((a, i) => (TelemetryEvent)new LoginAttempt("idp", i + 1, T0.AddSeconds(a.Second), $"p{a.Principal}", "ws-1", a.Success))
                .OrderBy(e => e.OccurredAt.AddSeconds(e.Seq % 7))
                .ToList();
            var withRedeliveries = new List<TelemetryEvent>(events);
            foreach (var pick in redeliveries)
            {
                // A redelivery comes after its original: insert a copy of an earlier event at a later position.
                var at = 1 + (int)((uint)pick % (uint)withRedeliveries.Count);
                var original = withRedeliveries[(int)((uint)(pick * 31) % (uint)at)];
                withRedeliveries.Insert(at, original);
            }

            Assert.Equal(Alerts(events), Alerts(withRedeliveries));
        }, iter: 300, threads: 1);
    }

    private static List<(string Source, long Seq)> Alerts(IEnumerable<TelemetryEvent> stream)
    {
        var state = new DetectorState(All);
        return stream.SelectMany(e => state.Observe(e).Detections).Select(d => (d.AlertSource, d.AlertSeq)).ToList();
    }
}
