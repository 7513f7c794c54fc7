using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Contracts.Security;
using Actors.Grains.Telemetry;

namespace Actors.Tests.Security;

/// <summary>The security instruments count alerts by outcome, cases opened, transitions, and keep open cases per severity.</summary>
public sealed class SecurityInstrumentsTests : IDisposable
{
    // The meter is process-wide and other test classes run security grains in parallel: only measurements made on this
    // test's own async flow count (a counter calls its listeners synchronously, on the caller's flow).
    private static readonly AsyncLocal<bool> ThisTest = new();

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, string Tags)> _measurements = new();

    public SecurityInstrumentsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InventoryInstruments.MeterName && instrument.Name.StartsWith("actors.security.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (ThisTest.Value)
            {
                var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
                _measurements.Enqueue((instrument.Name, value, text));
            }
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void A_case_lifecycle_moves_the_open_gauge_and_counts_each_change_once()
    {
        ThisTest.Value = true;
        var opened = Case(CaseStatus.Open, AlertSeverity.Medium, version: 1);
        var raised = opened with { Severity = AlertSeverity.Critical, Version = 2 };
        var resolved = raised with { Status = CaseStatus.Resolved, Version = 3 };
        var reopened = resolved with { Status = CaseStatus.Open, Version = 4 };

        SecurityInstruments.AlertTaken(duplicate: false);
        SecurityInstruments.AlertTaken(duplicate: true);
        SecurityInstruments.CaseChanged(null, opened);
        SecurityInstruments.CaseChanged(opened, raised);
        SecurityInstruments.CaseChanged(raised, resolved);
        SecurityInstruments.CaseChanged(resolved, reopened);

        Assert.Equal(
            [
                (SecurityInstruments.AlertsName, 1L, "outcome=new"),
                (SecurityInstruments.AlertsName, 1L, "outcome=duplicate"),
                (SecurityInstruments.CasesOpenedName, 1L, "severity=medium"),
                (SecurityInstruments.OpenCasesName, 1L, "severity=medium"),
                (SecurityInstruments.OpenCasesName, -1L, "severity=medium"),
                (SecurityInstruments.OpenCasesName, 1L, "severity=critical"),
                (SecurityInstruments.TransitionsName, 1L, "to=resolved"),
                (SecurityInstruments.OpenCasesName, -1L, "severity=critical"),
                (SecurityInstruments.TransitionsName, 1L, "to=reopened"),
                (SecurityInstruments.OpenCasesName, 1L, "severity=critical"),
            ],
            _measurements.ToArray());
        var openNow = _measurements.Where(m => m.Instrument == SecurityInstruments.OpenCasesName).GroupBy(m => m.Tags).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(0, openNow["severity=medium"]);
        Assert.Equal(1, openNow["severity=critical"]);
    }

    private static SecurityCase Case(CaseStatus status, AlertSeverity severity, long version) =>
        new("acme", "case-x-1", status, severity, "alice", null, 1, ["r"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, version);
}
