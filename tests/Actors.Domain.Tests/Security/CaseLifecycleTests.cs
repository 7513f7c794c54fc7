using Actors.Contracts.Security;
using Actors.Domain.Security;
using static Actors.Domain.Tests.Security.SecuritySamples;

namespace Actors.Domain.Tests.Security;

public sealed class CaseLifecycleTests
{
    private static readonly (CaseStatus From, CaseStatus To)[] AllowedMoves =
    [
        (CaseStatus.Open, CaseStatus.Triaged),
        (CaseStatus.Triaged, CaseStatus.Contained),
        (CaseStatus.Contained, CaseStatus.Resolved),
        (CaseStatus.Resolved, CaseStatus.Closed),
        (CaseStatus.Resolved, CaseStatus.Open),
        (CaseStatus.Closed, CaseStatus.Open),
    ];

    public static TheoryData<CaseStatus, CaseStatus> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseStatus>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Decider_accepts_exactly_the_lifecycle_table(CaseStatus from, CaseStatus to)
    {
        var state = CaseIn(from);
        var decision = CaseDecider.Decide(state, Move(to, 100), T0);

        if (AllowedMoves.Contains((from, to)))
        {
            Assert.Equal(SecurityVerdict.Append, decision.Verdict);
            CaseDecider.Apply(state, decision.Change!);
            Assert.Equal(to, state.Status);
            Assert.Equal(to == CaseStatus.Open ? "CaseReopened" : $"Case{to}", decision.Change!.Type);
        }
        else
        {
            Assert.Equal(SecurityVerdict.InvalidTransition, decision.Verdict);
            Assert.Contains(CaseLifecycle.Name(from), decision.Problem);
            Assert.Contains(CaseLifecycle.Name(to), decision.Problem);
            Assert.Equal(from, state.Status);
        }
    }

    [Fact]
    public void Active_means_neither_resolved_nor_closed()
    {
        Assert.Equal(
            [CaseStatus.Open, CaseStatus.Triaged, CaseStatus.Contained],
            Enum.GetValues<CaseStatus>().Where(CaseLifecycle.IsActive));
    }

    // Walks a fresh case along the shortest allowed path to the wanted status.
    private static CaseState CaseIn(CaseStatus status)
    {
        var state = new CaseState();
        CaseDecider.Apply(state, CaseDecider.Decide(state, "acme", "case-1", Alert(1, principal: "alice"), T0).Change!);
        CaseStatus[] path = [CaseStatus.Triaged, CaseStatus.Contained, CaseStatus.Resolved, CaseStatus.Closed];
        var seq = 1;
        foreach (var next in path.TakeWhile(_ => state.Status != status))
        {
            CaseDecider.Apply(state, CaseDecider.Decide(state, Move(next, seq++), T0).Change!);
        }
        Assert.Equal(status, state.Status);
        return state;
    }
}
