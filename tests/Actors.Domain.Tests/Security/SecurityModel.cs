using Actors.Contracts.Security;
using Actors.Domain.Security;

namespace Actors.Domain.Tests.Security;

/// <summary>
/// The intake and its cases as the grains run them, with lists for ledgers: append before apply, look up the ledger when
/// memory cannot tell, re-drive unconfirmed intake rows after a crash. Lets a simulation crash between any two steps.
/// </summary>
internal sealed class SecurityModel(int maxIntervals)
{
    private const string Tenant = "acme";
    private readonly List<IntakeEntry> _intakeLedger = [];
    private readonly Dictionary<string, List<CaseChange>> _caseLedgers = new(StringComparer.Ordinal);
    private IntakeState _intake = new(maxIntervals);
    private Dictionary<string, CaseState> _cases = new(StringComparer.Ordinal);

    public IReadOnlyList<IntakeEntry> IntakeLedger => _intakeLedger;

    public IReadOnlyDictionary<string, List<CaseChange>> CaseLedgers => _caseLedgers;

    public int Duplicates { get; private set; }

    public IEnumerable<SecurityCase> Cases => _cases.Values.Select(c => c.ToCase()).OfType<SecurityCase>().OrderBy(c => c.CaseId, StringComparer.Ordinal);

    /// <summary>Raises an alert; with <paramref name="crashBeforeForward"/> the intake dies right after its append.</summary>
    public void RaiseAlert(AlertRaised alert, bool crashBeforeForward)
    {
        RedrivePending();
        var active = IntakeDecider.Candidates(_intake, alert).Where(IsActive).ToHashSet();
        var decision = Settle(IntakeDecider.Decide(_intake, alert, active, alert.OccurredAt));
        CommitIntake(decision, crashBeforeForward);
    }

    public void Record(IdentityEvent identity, bool crashBeforeForward)
    {
        RedrivePending();
        var candidate = IntakeDecider.Candidate(_intake, identity.Principal);
        var active = candidate is not null && IsActive(candidate) ? new HashSet<string> { candidate } : [];
        var decision = Settle(IntakeDecider.Decide(_intake, identity, active, identity.OccurredAt));
        CommitIntake(decision, crashBeforeForward);
    }

    public SecurityVerdict Transition(string caseId, CaseTransition transition, DateTimeOffset at)
    {
        var state = CaseOf(caseId);
        var decision = CaseDecider.Decide(state, transition, at);
        if (decision.Verdict == SecurityVerdict.LookUp)
        {
            decision = CaseDecider.DecideWithOriginal(state, decision.Change!, FindCase(caseId, decision.Change!));
        }
        if (decision.Verdict == SecurityVerdict.Append)
        {
            AppendCase(caseId, decision.Change!);
        }
        if (decision.Verdict == SecurityVerdict.Duplicate)
        {
            Duplicates++;
        }
        return decision.Verdict;
    }

    /// <summary>Drops every in-memory state and rebuilds it from the ledgers, as activation after a crash does.</summary>
    public void Crash()
    {
        _intake = new IntakeState(maxIntervals);
        foreach (var entry in _intakeLedger)
        {
            IntakeDecider.Apply(_intake, entry);
        }
        _cases = new(StringComparer.Ordinal);
        foreach (var (caseId, ledger) in _caseLedgers)
        {
            var state = CaseOf(caseId);
            foreach (var change in ledger)
            {
                CaseDecider.Apply(state, change);
            }
        }
        RedrivePending();
    }

    public void RedrivePending()
    {
        foreach (var (position, entry) in _intake.Pending.ToList())
        {
            Forward(entry);
            _intake.Confirm(position);
        }
    }

    private SecurityDecision<IntakeEntry> Settle(SecurityDecision<IntakeEntry> decision)
    {
        if (decision.Verdict != SecurityVerdict.LookUp)
        {
            return decision;
        }
        var key = decision.Change!;
        var original = _intakeLedger.SingleOrDefault(e => e.LedgerSource == key.LedgerSource && e.LedgerSeq == key.LedgerSeq);
        return IntakeDecider.DecideWithOriginal(key, original);
    }

    private void CommitIntake(SecurityDecision<IntakeEntry> decision, bool crashBeforeForward)
    {
        switch (decision.Verdict)
        {
            case SecurityVerdict.Append:
                _intakeLedger.Add(decision.Change!);
                IntakeDecider.Apply(_intake, decision.Change!);
                if (crashBeforeForward)
                {
                    Crash();
                    return;
                }
                RedrivePending();
                return;
            case SecurityVerdict.Duplicate:
                Duplicates++;
                return;
            default:
                throw new InvalidOperationException($"the simulation only produces well-formed events, got {decision.Verdict}: {decision.Problem}");
        }
    }

    private void Forward(IntakeEntry entry)
    {
        var caseId = entry.CaseId!;
        var state = CaseOf(caseId);
        var decision = entry.Alert is { } alert
            ? CaseDecider.Decide(state, Tenant, caseId, alert, entry.At)
            : CaseDecider.Decide(state, entry.Identity!.ToEvent(), entry.At);
        if (decision.Verdict == SecurityVerdict.LookUp)
        {
            decision = CaseDecider.DecideWithOriginal(state, decision.Change!, FindCase(caseId, decision.Change!));
        }
        if (decision.Verdict == SecurityVerdict.Append)
        {
            AppendCase(caseId, decision.Change!);
        }
        else if (decision.Verdict != SecurityVerdict.Duplicate)
        {
            throw new InvalidOperationException($"forwarding to {caseId} was refused: {decision.Verdict} {decision.Problem}");
        }
    }

    private void AppendCase(string caseId, CaseChange change)
    {
        if (!_caseLedgers.TryGetValue(caseId, out var ledger))
        {
            ledger = [];
            _caseLedgers.Add(caseId, ledger);
        }
        ledger.Add(change);
        CaseDecider.Apply(CaseOf(caseId), change);
    }

    private CaseChange? FindCase(string caseId, CaseChange key) =>
        _caseLedgers.GetValueOrDefault(caseId)?.SingleOrDefault(c => c.LedgerSource == key.LedgerSource && c.LedgerSeq == key.LedgerSeq);

    private bool IsActive(string caseId) => CaseOf(caseId) is { Exists: true } state && CaseLifecycle.IsActive(state.Status);

    private CaseState CaseOf(string caseId)
    {
        if (!_cases.TryGetValue(caseId, out var state))
        {
            state = new CaseState(maxIntervals);
            _cases.Add(caseId, state);
        }
        return state;
    }
}
