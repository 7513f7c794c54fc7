using Actors.Domain.Detection;
using static Actors.Domain.Tests.Detection.TestRules;

namespace Actors.Domain.Tests.Detection;

/// <summary>Sliding windows per rule and group: fire at the threshold, once per window, never on a redelivery.</summary>
public sealed class DetectorStateTests
{
    private readonly DetectorState _state = new(All);

    private List<RuleFiring> Feed(params TelemetryEvent[] events) => events.SelectMany(e => _state.Observe(e).Detections).ToList();

    [Fact]
    public void Five_failed_logins_within_a_minute_fire_once_on_the_fifth()
    {
        var fourth = Feed(Enumerable.Range(1, 4).Select(i => Failure("alice", i, i * 10)).ToArray<TelemetryEvent>());
        var fifth = _state.Observe(Failure("alice", 5, 50)).Detections;

        Assert.Empty(fourth);
        var detection = Assert.Single(fifth);
        Assert.Equal(("brute-force-login", "alice", "ws-1", T0.AddSeconds(10), 5),
            (detection.Rule.Name, detection.Group, detection.Host, detection.WindowStart, detection.Count));
    }

    [Fact]
    public void Four_failures_do_not_fire_and_neither_do_five_spread_over_more_than_a_minute()
    {
        Assert.Empty(Feed(Enumerable.Range(1, 4).Select(i => Failure("bob", i, i)).ToArray<TelemetryEvent>()));
        Assert.Empty(Feed(Enumerable.Range(1, 5).Select(i => Failure("carol", i, i * 16)).ToArray<TelemetryEvent>()));
    }

    [Fact]
    public void Successful_logins_and_other_principals_do_not_count()
    {
        var events = Enumerable.Range(1, 4).Select(i => (TelemetryEvent)Failure("dave", i, i))
            .Append(new LoginAttempt("idp", 5, T0.AddSeconds(5), "dave", "ws-1", Success: true))
            .Append(Failure("erin", 6, 6));

        Assert.Empty(Feed(events.ToArray()));
    }

    [Fact]
    public void A_redelivered_failure_is_not_counted_twice()
    {
        var four = Enumerable.Range(1, 4).Select(i => Failure("frank", i, i)).ToList();
        Feed([.. four]);

        var again = _state.Observe(four[3]);

        Assert.True(again.IsDuplicate);
        Assert.Empty(again.Detections);
        Assert.Single(_state.Observe(Failure("frank", 5, 5)).Detections);
    }

    [Fact]
    public void A_sustained_attack_fires_once_per_window_with_a_new_alert_key_each_window()
    {
        // One failure a second for three minutes: windows open at 0 s, 61 s and 122 s.
        var detections = Feed(Enumerable.Range(0, 180).Select(i => Failure("grace", i + 1, i)).ToArray<TelemetryEvent>());

        Assert.Equal([T0, T0.AddSeconds(61), T0.AddSeconds(122)], detections.Select(d => d.WindowStart));
        Assert.Equal(3, detections.Select(d => d.AlertSeq).Distinct().Count());
    }

    [Fact]
    public void Out_of_order_failures_within_the_window_count_and_too_late_ones_do_not()
    {
        Feed(Failure("heidi", 1, 200), Failure("heidi", 2, 100));
        // 100 s and 139 s are more than a window older than 200 s: refused. 190, 180, 170 count with 200.
        Assert.Empty(Feed(Failure("heidi", 3, 190), Failure("heidi", 4, 180), Failure("heidi", 5, 139), Failure("heidi", 6, 170)));

        var fifth = Assert.Single(_state.Observe(Failure("heidi", 7, 150)).Detections);

        Assert.Equal(T0.AddSeconds(150), fifth.WindowStart);
    }

    [Fact]
    public void A_deny_listed_process_fires_on_the_first_start_and_not_again_within_its_window()
    {
        var first = _state.Observe(new ProcessStarted("edr", 1, T0, "srv-9", "svc-backup", "mimikatz.exe")).Detections;
        var again = _state.Observe(new ProcessStarted("edr", 2, T0.AddMinutes(5), "srv-9", null, "procdump.exe")).Detections;
        var benign = _state.Observe(new ProcessStarted("edr", 3, T0.AddMinutes(20), "srv-9", null, "notepad.exe")).Detections;
        var later = _state.Observe(new ProcessStarted("edr", 4, T0.AddMinutes(21), "srv-9", null, "mimikatz.exe")).Detections;

        var detection = Assert.Single(first);
        Assert.Equal(("srv-9", "svc-backup", "critical"), (detection.Group, detection.Principal, detection.Rule.Severity));
        Assert.Empty(again);
        Assert.Empty(benign);
        Assert.Single(later);
    }

    [Fact]
    public void A_port_scan_counts_distinct_ports_not_connections()
    {
        NetworkConnection To(long seq, int port) => new("fw", seq, T0.AddSeconds(seq), "ws-7", null, "10.0.0.9", port, "outbound");

        Assert.Empty(Feed(To(1, 22), To(2, 22), To(3, 22), To(4, 445)));
        var detection = Assert.Single(_state.Observe(To(5, 3389)).Detections);

        Assert.Equal(3, detection.Count);
        Assert.Empty(_state.Observe(new NetworkConnection("fw", 6, T0.AddSeconds(6), "ws-7", null, "10.0.0.9", 8080, "inbound")).Detections);
    }

    [Fact]
    public void Events_older_than_two_windows_are_forgotten_so_memory_stays_bounded()
    {
        var window = new GroupWindow(All.For(LoginAttempt.TypeName)[0], "ivan");
        for (var i = 0; i < 1000; i++)
        {
            window.Observe(TelemetryHit.Of(All.For(LoginAttempt.TypeName)[0], Failure("ivan", i + 1, i * 10)), out _);
        }

        // Ten seconds apart, two minutes are held: 12 or 13 events, not 1000.
        Assert.InRange(window.Held, 12, 13);
    }
}
