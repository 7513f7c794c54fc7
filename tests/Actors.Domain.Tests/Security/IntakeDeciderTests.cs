using Actors.Contracts;
using Actors.Contracts.Security;
using Actors.Domain.Security;
using static Actors.Domain.Tests.Security.SecuritySamples;

namespace Actors.Domain.Tests.Security;

public sealed class IntakeDeciderTests
{
    private readonly IntakeState _state = new();

    [Fact]
    public void Alert_for_the_same_principal_joins_the_active_case()
    {
        var first = Record(Alert(1, principal: "alice", host: "web-1"), active: []);
        var second = Record(Alert(2, principal: "alice", host: "db-9"), active: [first.CaseId!]);

        Assert.True(first.OpenedCase);
        Assert.Equal("case-detector-1", first.CaseId);
        Assert.False(second.OpenedCase);
        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal(["case-detector-1"], _state.Cases);
    }

    [Fact]
    public void Alert_for_the_same_host_joins_the_active_case()
    {
        var first = Record(Alert(1, host: "web-1"), active: []);
        var second = Record(Alert(2, principal: "bob", host: "web-1"), active: [first.CaseId!]);

        Assert.Equal(first.CaseId, second.CaseId);
        Assert.Equal(first.CaseId, _state.ByPrincipal["bob"]);
    }

    [Fact]
    public void Alert_whose_case_is_no_longer_active_opens_a_new_case()
    {
        var first = Record(Alert(1, principal: "alice"), active: []);
        Assert.Equal([first.CaseId!], IntakeDecider.Candidates(_state, Alert(2, principal: "alice")));

        var second = Record(Alert(2, principal: "alice"), active: []);

        Assert.True(second.OpenedCase);
        Assert.NotEqual(first.CaseId, second.CaseId);
        Assert.Equal(second.CaseId, _state.ByPrincipal["alice"]);
    }

    [Fact]
    public void Identity_event_goes_to_the_principals_active_case_or_to_the_intake_only()
    {
        var opened = Record(Alert(1, principal: "alice"), active: []);
        var disabled = new PrincipalDisabled { Source = "idp", Seq = 1, OccurredAt = T0, Principal = "alice" };
        var onCase = IntakeDecider.Decide(_state, disabled, new HashSet<string> { opened.CaseId! }, T0);
        Assert.Equal(opened.CaseId, onCase.Change!.CaseId);

        var stranger = IntakeDecider.Decide(_state, disabled with { Seq = 2, Principal = "carol" }, new HashSet<string> { opened.CaseId! }, T0);
        Assert.Null(stranger.Change!.CaseId);
    }

    [Fact]
    public void Repeat_is_looked_up_and_answered_with_the_original_and_another_payload_conflicts()
    {
        var original = Record(Alert(5, principal: "alice"), active: []);

        var repeat = IntakeDecider.Decide(_state, Alert(5, principal: "alice"), new HashSet<string>(), T0.AddHours(1));
        Assert.Equal(SecurityVerdict.LookUp, repeat.Verdict);
        var answered = IntakeDecider.DecideWithOriginal(repeat.Change!, original);
        Assert.Equal(SecurityVerdict.Duplicate, answered.Verdict);
        Assert.Same(original, answered.Original);

        var other = IntakeDecider.Decide(_state, Alert(5, principal: "alice", severity: AlertSeverity.Critical), new HashSet<string>(), T0);
        Assert.Equal(SecurityVerdict.Conflict, IntakeDecider.DecideWithOriginal(other.Change!, original).Verdict);
        Assert.Equal(1, _state.Version);
    }

    [Fact]
    public void Applied_rows_stay_pending_until_their_case_confirms()
    {
        var first = Record(Alert(1, principal: "alice"), active: []);
        Record(Alert(2, principal: "alice"), active: [first.CaseId!]);
        Assert.Equal([1L, 2L], _state.Pending.Keys);

        _state.Confirm(1);
        Assert.Equal([2L], _state.Pending.Keys);
    }

    [Theory]
    [InlineData("detector", 7, "case-detector-7")]
    [InlineData("edr/agent", 7, null)]
    [InlineData("edr agent", 7, null)]
    public void Case_ids_are_deterministic_valid_keys(string source, long seq, string? expected)
    {
        var id = CaseKeys.CaseIdFor(source, seq);
        Assert.Equal(id, CaseKeys.CaseIdFor(source, seq));
        EntityKey.Validate("case", id);
        if (expected is not null)
        {
            Assert.Equal(expected, id);
        }
        else
        {
            Assert.StartsWith("case-edr-agent-", id);
            Assert.EndsWith("-7", id);
        }
    }

    [Fact]
    public void Sources_that_clean_to_the_same_text_get_different_case_ids()
    {
        Assert.NotEqual(CaseKeys.CaseIdFor("edr/agent", 1), CaseKeys.CaseIdFor("edr agent", 1));
        var longId = CaseKeys.CaseIdFor(new string('x', 300), long.MaxValue);
        Assert.True(longId.Length <= EntityKey.MaxPartLength);
        EntityKey.Validate("case", longId);
    }

    private IntakeEntry Record(AlertRaised alert, HashSet<string> active)
    {
        var decision = IntakeDecider.Decide(_state, alert, active, T0);
        Assert.Equal(SecurityVerdict.Append, decision.Verdict);
        IntakeDecider.Apply(_state, decision.Change!);
        return decision.Change!;
    }
}
