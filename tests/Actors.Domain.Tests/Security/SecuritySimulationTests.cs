using Actors.Contracts.Security;
using Actors.Domain.Security;
using Xunit.Abstractions;
using static Actors.Domain.Tests.Security.SecuritySamples;

namespace Actors.Domain.Tests.Security;

/// <summary>
/// Seeded runs of alerts, identity events and analyst moves. Each run is replayed with duplicates of earlier requests,
/// crashes between the intake's append and the case update, and full state drops; it must end exactly where the clean
/// run ended, and the invariants hold after every step.
/// </summary>
public sealed class SecuritySimulationTests(ITestOutputHelper output)
{
    private abstract record Step;
    private sealed record RaiseStep(AlertRaised Alert) : Step;
    private sealed record IdentityStep(IdentityEvent Event) : Step;
    private sealed record MoveStep(int CaseIndex, CaseTransition Transition) : Step;
    private sealed record ResolvedMoveStep(string CaseId, CaseTransition Transition) : Step;

    public static TheoryData<int, int> Seeds() => new() { { 1, 1024 }, { 2, 1024 }, { 3, 2 }, { 4, 1 }, { 5, 0 }, { 6, 3 } };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Duplicates_crashes_and_replays_end_in_the_state_of_the_clean_run(int seed, int maxIntervals)
    {
        output.WriteLine($"seed {seed}, dedup bound {maxIntervals}");
        var steps = Plan(new Random(seed), count: 300);

        var clean = new SecurityModel(maxIntervals);
        var cleanVerdicts = Run(clean, steps, faults: null);

        var faulty = new SecurityModel(maxIntervals);
        var faultyVerdicts = Run(faulty, steps, faults: new Random(seed * 7919));

        Assert.Equal(cleanVerdicts, faultyVerdicts);
        Assert.Equal(0, clean.Duplicates);
        Assert.True(faulty.Duplicates > 0, "the faulty run must have answered duplicates");
        Assert.Equal(Describe(clean), Describe(faulty));
        Assert.Equal(clean.IntakeLedger, faulty.IntakeLedger);
        Assert.True(clean.Cases.Count() > 1, "the plan must open several cases");
        Assert.Contains(clean.Cases, c => c.AlertCount > 1);
    }

    private static List<SecurityVerdict> Run(SecurityModel model, List<Step> steps, Random? faults)
    {
        var verdicts = new List<SecurityVerdict>();
        var done = new List<Step>();
        foreach (var step in steps)
        {
            var crash = faults is not null && faults.Next(8) == 0;
            var (executed, verdict) = Execute(model, step, crash);
            if (verdict is { } v)
            {
                verdicts.Add(v);
            }
            // Only what took effect is redelivered: a refused move is not an event anyone would resend.
            if (verdict is null or SecurityVerdict.Append)
            {
                done.Add(executed);
            }
            CheckInvariants(model);
            if (faults is null)
            {
                continue;
            }
            if (done.Count > 0 && faults.Next(4) == 0)
            {
                // A redelivery of something already done: must be absorbed without a trace.
                var again = done[faults.Next(done.Count)];
                var (_, repeated) = Execute(model, again, crash: false);
                Assert.True(repeated is null or SecurityVerdict.Duplicate, $"a repeat answered {repeated}");
            }
            if (faults.Next(10) == 0)
            {
                model.Crash();
                CheckInvariants(model);
            }
        }
        return verdicts;
    }

    private static (Step Executed, SecurityVerdict? Verdict) Execute(SecurityModel model, Step step, bool crash)
    {
        switch (step)
        {
            case RaiseStep raise:
                model.RaiseAlert(raise.Alert, crash);
                return (step, null);
            case IdentityStep identity:
                model.Record(identity.Event, crash);
                return (step, null);
            case MoveStep move:
                var cases = model.Cases.Select(c => c.CaseId).ToList();
                return cases.Count == 0
                    ? (step, SecurityVerdict.NotFound)
                    : Execute(model, new ResolvedMoveStep(cases[move.CaseIndex % cases.Count], move.Transition), crash);
            case ResolvedMoveStep resolved:
                return (resolved, model.Transition(resolved.CaseId, resolved.Transition, T0.AddSeconds(resolved.Transition.Seq)));
            default:
                throw new InvalidOperationException($"unknown step {step}");
        }
    }

    private static void CheckInvariants(SecurityModel model)
    {
        foreach (var c in model.Cases)
        {
            var ledger = model.CaseLedgers[c.CaseId];
            Assert.Equal(ledger.Count, c.Version);
            Assert.Equal(ledger.Count(x => x.Alert is not null), c.AlertCount);
            Assert.Equal(ledger.Where(x => x.Alert is not null).Max(x => x.Alert!.Severity), c.Severity);
            Assert.Equal(ledger.Count, ledger.Select(x => (x.LedgerSource, x.LedgerSeq)).Distinct().Count());
        }
        Assert.Equal(model.IntakeLedger.Count, model.IntakeLedger.Select(x => (x.LedgerSource, x.LedgerSeq)).Distinct().Count());
    }

    private static List<string> Describe(SecurityModel model) =>
        [.. model.Cases.Select(c => $"{c.CaseId} {c.Status} {c.Severity} {c.Principal} {c.Host} {c.AlertCount} [{string.Join(",", c.Rules)}] v{c.Version}")];

    private static List<Step> Plan(Random random, int count)
    {
        string[] principals = ["alice", "bob", "carol", "dave"];
        string[] hosts = ["web-1", "web-2", "db-1"];
        string[] rules = ["failed-logins", "odd-process", "beaconing"];
        // Each source numbers its own events in a shuffled order, so the dedup sets see gaps and reordering.
        var alertSeqs = new Queue<long>(Enumerable.Range(1, count).Select(i => (long)i).OrderBy(_ => random.Next()));
        var identitySeq = 0L;
        var moveSeq = 0L;
        var steps = new List<Step>();
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(10);
            if (roll < 5)
            {
                var withPrincipal = random.Next(3) > 0;
                var withHost = !withPrincipal || random.Next(2) == 0;
                steps.Add(new RaiseStep(Alert(alertSeqs.Dequeue(),
                    principal: withPrincipal ? principals[random.Next(principals.Length)] : null,
                    host: withHost ? hosts[random.Next(hosts.Length)] : null,
                    severity: (AlertSeverity)random.Next(4),
                    rule: rules[random.Next(rules.Length)])));
            }
            else if (roll < 6)
            {
                IdentityEvent e = random.Next(2) == 0
                    ? new PrincipalDisabled { Source = "idp", Seq = ++identitySeq, OccurredAt = T0.AddSeconds(i), Principal = principals[random.Next(principals.Length)] }
                    : new CredentialsRotated { Source = "idp", Seq = ++identitySeq, OccurredAt = T0.AddSeconds(i), Principal = principals[random.Next(principals.Length)], Reason = "rotation" };
                steps.Add(new IdentityStep(e));
            }
            else
            {
                steps.Add(new MoveStep(random.Next(100), Move((CaseStatus)random.Next(5), ++moveSeq)));
            }
        }
        return steps;
    }
}
