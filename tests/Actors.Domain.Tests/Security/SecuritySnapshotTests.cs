using System.Text.Json;
using Actors.Contracts.Security;
using Actors.Domain.Security;
using static Actors.Domain.Tests.Security.SecuritySamples;

namespace Actors.Domain.Tests.Security;

/// <summary>A snapshot taken mid-ledger, stored as JSON and restored, then fed the tail, equals the state that never stopped.</summary>
public sealed class SecuritySnapshotTests
{
    [Fact]
    public void Case_snapshot_plus_tail_equals_the_full_replay()
    {
        var live = new CaseState(maxIntervals: 2);
        var ledger = new List<CaseChange>();
        void Record(SecurityDecision<CaseChange> d)
        {
            ledger.Add(d.Change!);
            CaseDecider.Apply(live, d.Change!);
        }
        Record(CaseDecider.Decide(live, "acme", "case-a", Alert(5, principal: "alice", severity: AlertSeverity.Low), T0));
        Record(CaseDecider.Decide(live, "acme", "case-a", Alert(2, host: "web-1", severity: AlertSeverity.High, rule: "beaconing"), T0));
        Record(CaseDecider.Decide(live, "acme", "case-a", Alert(9, principal: "alice"), T0));
        var saved = JsonSerializer.Serialize(live.ToSnapshot());
        Record(CaseDecider.Decide(live, Move(CaseStatus.Triaged, 1), T0.AddMinutes(1)));
        Record(CaseDecider.Decide(live, "acme", "case-a", Alert(7, principal: "alice", rule: "odd-process"), T0));

        var restored = CaseState.FromSnapshot(JsonSerializer.Deserialize<CaseStateSnapshot>(saved)!);
        foreach (var change in ledger.Skip((int)restored.Version))
        {
            CaseDecider.Apply(restored, change);
        }

        Assert.Equal(JsonSerializer.Serialize(live.ToSnapshot()), JsonSerializer.Serialize(restored.ToSnapshot()));
        Assert.Equal(SecurityVerdict.LookUp, CaseDecider.Decide(restored, "acme", "case-a", Alert(2, host: "web-1"), T0).Verdict);
    }

    [Fact]
    public void Intake_snapshot_keeps_the_correlation_index_cases_and_pending_rows()
    {
        var live = new IntakeState();
        var first = IntakeDecider.Decide(live, Alert(1, principal: "alice", host: "web-1"), new HashSet<string>(), T0).Change!;
        IntakeDecider.Apply(live, first);
        live.Confirm(1);
        var second = IntakeDecider.Decide(live, Alert(2, host: "web-1"), new HashSet<string> { first.CaseId! }, T0).Change!;
        IntakeDecider.Apply(live, second);

        var restored = IntakeState.FromSnapshot(JsonSerializer.Deserialize<IntakeStateSnapshot>(JsonSerializer.Serialize(live.ToSnapshot()))!);

        Assert.Equal(2, restored.Version);
        Assert.Equal(first.CaseId, restored.ByPrincipal["alice"]);
        Assert.Equal(first.CaseId, restored.ByHost["web-1"]);
        Assert.Equal([first.CaseId!], restored.Cases);
        Assert.Equal([2L], restored.Pending.Keys);
        Assert.Equal(second, restored.Pending[2]);
        Assert.Equal(SecurityVerdict.LookUp, IntakeDecider.Decide(restored, Alert(1, principal: "alice", host: "web-1"), new HashSet<string>(), T0).Verdict);
    }
}
