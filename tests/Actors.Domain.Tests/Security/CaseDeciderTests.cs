using Actors.Contracts.Security;
using Actors.Domain.Security;
using static Actors.Domain.Tests.Security.SecuritySamples;

namespace Actors.Domain.Tests.Security;

public sealed class CaseDeciderTests
{
    [Fact]
    public void First_alert_opens_the_case_and_later_ones_raise_severity_to_the_max()
    {
        var state = new CaseState();
        Apply(state, CaseDecider.Decide(state, "acme", "case-a", Alert(1, principal: "alice", severity: AlertSeverity.Medium), T0));
        Apply(state, CaseDecider.Decide(state, "acme", "case-a", Alert(2, host: "web-1", severity: AlertSeverity.Critical, rule: "odd-process"), T0));
        Apply(state, CaseDecider.Decide(state, "acme", "case-a", Alert(3, principal: "alice", severity: AlertSeverity.Low), T0));

        var view = state.ToCase()!;
        Assert.Equal(("acme", "case-a", CaseStatus.Open), (view.Tenant, view.CaseId, view.Status));
        Assert.Equal(AlertSeverity.Critical, view.Severity);
        Assert.Equal(("alice", "web-1"), (view.Principal, view.Host));
        Assert.Equal(3, view.AlertCount);
        Assert.Equal(["failed-logins", "odd-process"], view.Rules);
        Assert.Equal(3, view.Version);
    }

    [Fact]
    public void Transition_of_a_case_never_opened_is_not_found_and_get_is_null()
    {
        var state = new CaseState();
        Assert.Null(state.ToCase());
        Assert.Equal(SecurityVerdict.NotFound, CaseDecider.Decide(state, Move(CaseStatus.Triaged, 1), T0).Verdict);
    }

    [Fact]
    public void Retried_transition_is_a_duplicate_even_after_the_case_moved_on_and_another_payload_is_a_conflict()
    {
        var state = new CaseState();
        Apply(state, CaseDecider.Decide(state, "acme", "case-a", Alert(1, principal: "alice"), T0));
        var triage = Move(CaseStatus.Triaged, 7);
        var first = CaseDecider.Decide(state, triage, T0);
        Apply(state, first);

        var retry = CaseDecider.Decide(state, triage, T0.AddMinutes(1));
        Assert.Equal(SecurityVerdict.LookUp, retry.Verdict);
        var settled = CaseDecider.DecideWithOriginal(state, retry.Change!, first.Change);
        Assert.Equal(SecurityVerdict.Duplicate, settled.Verdict);

        var reused = CaseDecider.Decide(state, triage with { To = CaseStatus.Contained }, T0);
        Assert.Equal(SecurityVerdict.Conflict, CaseDecider.DecideWithOriginal(state, reused.Change!, first.Change).Verdict);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public void Reopen_from_closed_is_recorded_as_reopened_and_the_case_collects_alerts_again()
    {
        var state = new CaseState();
        Apply(state, CaseDecider.Decide(state, "acme", "case-a", Alert(1, principal: "alice"), T0));
        var seq = 1;
        foreach (var to in new[] { CaseStatus.Triaged, CaseStatus.Contained, CaseStatus.Resolved, CaseStatus.Closed })
        {
            Apply(state, CaseDecider.Decide(state, Move(to, seq++), T0));
        }
        var reopen = CaseDecider.Decide(state, Move(CaseStatus.Open, seq), T0);
        Assert.Equal("CaseReopened", reopen.Change!.Type);
        Assert.Equal(CaseStatus.Closed, reopen.Change.From);
        Apply(state, reopen);
        Assert.Equal(CaseStatus.Open, state.Status);
        Assert.True(CaseLifecycle.IsActive(state.Status));
    }

    [Fact]
    public void Malformed_requests_are_invalid_and_name_the_field()
    {
        var state = new CaseState();
        var noTarget = CaseDecider.Decide(state, "acme", "case-a", Alert(1), T0);
        Assert.Equal(SecurityVerdict.Invalid, noTarget.Verdict);
        Assert.Contains("neither a principal nor a host", noTarget.Problem);

        var badSeq = CaseDecider.Decide(state, "acme", "case-a", Alert(0, principal: "alice"), T0);
        Assert.Contains("seq must be at least 1", badSeq.Problem);

        var noActor = CaseDecider.Decide(state, Move(CaseStatus.Triaged, 1, actor: " "), T0);
        Assert.Equal(SecurityVerdict.Invalid, noActor.Verdict);
        Assert.Contains("actor is required", noActor.Problem);
    }

    [Fact]
    public void Ledger_payload_round_trips_and_replay_rebuilds_the_same_case()
    {
        var state = new CaseState();
        var ledger = new List<string>();
        void Record(SecurityDecision<CaseChange> d)
        {
            ledger.Add(SecurityLedgerCodec.Serialize(d.Change!));
            CaseDecider.Apply(state, d.Change!);
        }
        Record(CaseDecider.Decide(state, "acme", "case-a", Alert(1, principal: "alice", severity: AlertSeverity.High), T0));
        Record(CaseDecider.Decide(state, Move(CaseStatus.Triaged, 1), T0.AddMinutes(1)));
        Record(CaseDecider.Decide(state, new CredentialsRotated { Source = "idp", Seq = 4, OccurredAt = T0, Principal = "alice", Reason = "leak" }, T0.AddMinutes(2)));

        var replayed = new CaseState();
        foreach (var payload in ledger)
        {
            CaseDecider.Apply(replayed, SecurityLedgerCodec.ReadCaseChange(payload));
        }
        Assert.Equal(Normalize(state.ToCase()!), Normalize(replayed.ToCase()!));
        Assert.Equal(state.ToCase()!.Rules, replayed.ToCase()!.Rules);
    }

    private static SecurityCase Normalize(SecurityCase c) => c with { Rules = [] };

    private static void Apply(CaseState state, SecurityDecision<CaseChange> decision)
    {
        Assert.Equal(SecurityVerdict.Append, decision.Verdict);
        CaseDecider.Apply(state, decision.Change!);
    }
}
