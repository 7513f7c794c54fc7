using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Security;
using Actors.Domain;
using Actors.Domain.Security;
using Actors.Ledger;
using Actors.Tests.Clusters;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Runtime;

namespace Actors.Tests.Security;

public sealed class SecurityCaseGrainTests(LocalClusterFixture fixture) : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // A fresh tenant per test: the intake and its correlation index start empty.
    private readonly string _tenant = "t-" + Guid.NewGuid().ToString("N")[..8];

    private ISecurityIntakeGrain Intake => fixture.Client.GetGrain<ISecurityIntakeGrain>(_tenant);

    private ISecurityCaseGrain Case(string caseId) => fixture.Client.GetGrain<ISecurityCaseGrain>(EntityKey.Format(_tenant, caseId));

    private static AlertRaised Alert(long seq, string? principal = null, string? host = null, AlertSeverity severity = AlertSeverity.Medium, string rule = "failed-logins") =>
        new() { Source = "detector", Seq = seq, OccurredAt = DateTimeOffset.UtcNow, Severity = severity, Principal = principal, Host = host, Rule = rule };

    private static CaseTransition Move(CaseStatus to, long seq) => new(to, "analyst@corp", "looked at it", "console", seq);

    [Fact]
    public async Task A_repeated_alert_answers_the_original_outcome_and_a_reused_key_is_a_conflict()
    {
        var alert = Alert(1, principal: "alice");

        var first = await Intake.RaiseAlert(alert);
        var again = await Intake.RaiseAlert(alert);
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Intake.RaiseAlert(alert with { Severity = AlertSeverity.Critical }));

        Assert.Equal((false, true, "case-detector-1"), (first.Duplicate, first.OpenedCase, first.CaseId));
        Assert.Equal((true, true, first.CaseId), (again.Duplicate, again.OpenedCase, again.CaseId));
        Assert.Equal(1, again.Case.AlertCount);
        Assert.Equal(1, again.Case.Version);
        Assert.Equal(1L, conflict.Seq);
        Assert.Single(await Intake.ListCases(null, 100));
    }

    [Fact]
    public async Task Alerts_correlate_by_principal_and_by_host_into_the_open_case_and_raise_its_severity()
    {
        var opened = await Intake.RaiseAlert(Alert(1, principal: "alice", host: "web-1", severity: AlertSeverity.Low));
        var byPrincipal = await Intake.RaiseAlert(Alert(2, principal: "alice", severity: AlertSeverity.High, rule: "impossible-travel"));
        var byHost = await Intake.RaiseAlert(Alert(3, host: "web-1", severity: AlertSeverity.Medium));
        var unrelated = await Intake.RaiseAlert(Alert(4, principal: "bob", host: "db-1"));

        Assert.Equal(opened.CaseId, byPrincipal.CaseId);
        Assert.Equal(opened.CaseId, byHost.CaseId);
        Assert.False(byHost.OpenedCase);
        Assert.NotEqual(opened.CaseId, unrelated.CaseId);
        var merged = (await Case(opened.CaseId).Get())!;
        Assert.Equal((3, AlertSeverity.High, "alice", "web-1"), (merged.AlertCount, merged.Severity, merged.Principal, merged.Host));
        Assert.Equal(["failed-logins", "impossible-travel"], merged.Rules);
    }

    [Fact]
    public async Task The_lifecycle_runs_to_closed_and_reopens_and_invalid_moves_are_refused_by_name()
    {
        var caseId = (await Intake.RaiseAlert(Alert(1, principal: "carol"))).CaseId;
        var target = Case(caseId);

        var skip = await Assert.ThrowsAsync<InvalidTransitionException>(() => target.Transition(Move(CaseStatus.Resolved, 1)));
        Assert.Contains("cannot go from open to resolved", skip.Message);
        var seq = 1;
        foreach (var to in new[] { CaseStatus.Triaged, CaseStatus.Contained, CaseStatus.Resolved, CaseStatus.Closed })
        {
            Assert.Equal(to, (await target.Transition(Move(to, seq++))).Status);
        }
        var closed = await target.Get();
        var retried = await target.Transition(Move(CaseStatus.Closed, seq - 1));
        Assert.Equal(closed, retried with { Rules = closed!.Rules });
        var twice = await Assert.ThrowsAsync<InvalidTransitionException>(() => target.Transition(Move(CaseStatus.Closed, seq)));
        Assert.Contains("already closed", twice.Message);

        var reopened = await target.Transition(Move(CaseStatus.Open, seq));
        Assert.Equal(CaseStatus.Open, reopened.Status);
        Assert.Equal(6, reopened.Version);
        await Assert.ThrowsAsync<ConflictException>(() => target.Transition(Move(CaseStatus.Triaged, seq)));
    }

    [Fact]
    public async Task An_unknown_case_is_null_on_get_and_not_found_on_transition()
    {
        Assert.Null(await Case("case-nope-1").Get());
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Case("case-nope-1").Transition(Move(CaseStatus.Triaged, 1)));
        Assert.Contains("case-nope-1", missing.Message);
    }

    [Fact]
    public async Task A_resolved_case_collects_no_more_alerts_and_its_principal_gets_a_new_case()
    {
        var first = await Intake.RaiseAlert(Alert(1, principal: "dave"));
        var seq = 1;
        foreach (var to in new[] { CaseStatus.Triaged, CaseStatus.Contained, CaseStatus.Resolved })
        {
            await Case(first.CaseId).Transition(Move(to, seq++));
        }

        var next = await Intake.RaiseAlert(Alert(2, principal: "dave"));

        Assert.True(next.OpenedCase);
        Assert.NotEqual(first.CaseId, next.CaseId);
        Assert.Equal(1, (await Case(first.CaseId).Get())!.AlertCount);
        Assert.Equal([next.CaseId], (await Intake.ListCases(CaseStatus.Open, 10)).Select(c => c.CaseId));
        Assert.Equal([first.CaseId], (await Intake.ListCases(CaseStatus.Resolved, 10)).Select(c => c.CaseId));
        Assert.Equal(2, (await Intake.ListCases(null, 10)).Count);
    }

    [Fact]
    public async Task Identity_events_land_on_the_principals_open_case_or_on_the_intake_only()
    {
        var opened = await Intake.RaiseAlert(Alert(1, principal: "erin"));
        var disabled = new PrincipalDisabled { Source = "idp", Seq = 1, OccurredAt = DateTimeOffset.UtcNow, Principal = "erin", Reason = "compromised" };

        var onCase = await Intake.Record(disabled);
        var again = await Intake.Record(disabled);
        var elsewhere = await Intake.Record(new CredentialsRotated { Source = "idp", Seq = 2, OccurredAt = DateTimeOffset.UtcNow, Principal = "frank" });

        Assert.Equal((opened.CaseId, false), (onCase.CaseId, onCase.Duplicate));
        Assert.Equal((opened.CaseId, true), (again.CaseId, again.Duplicate));
        Assert.Null(elsewhere.CaseId);
        Assert.Equal(2, (await Case(opened.CaseId).Get())!.Version);
    }

    [Fact]
    public async Task Malformed_input_is_refused_and_writes_nothing()
    {
        var neither = await Assert.ThrowsAsync<InvalidEventException>(() => Intake.RaiseAlert(Alert(1)));
        await Assert.ThrowsAsync<InvalidEventException>(() => Intake.ListCases(null, 0));

        Assert.Contains("neither a principal nor a host", neither.Message);
        Assert.Empty(await Intake.ListCases(null, 10));
    }

    [Fact]
    public async Task Cases_and_the_intake_survive_deactivation()
    {
        // More rows than the fixture's snapshot interval, so activation restores a snapshot and replays a tail.
        var opened = await Intake.RaiseAlert(Alert(1, principal: "gina", host: "ws-7"));
        var sent = new List<AlertRaised>();
        for (var seq = 2; seq <= 8; seq++)
        {
            sent.Add(Alert(seq, principal: "gina", severity: seq == 5 ? AlertSeverity.Critical : AlertSeverity.Low));
            await Intake.RaiseAlert(sent[^1]);
        }
        await Case(opened.CaseId).Transition(Move(CaseStatus.Triaged, 1));
        var before = (await Case(opened.CaseId).Get())!;

        await DeactivateAsync(Intake);
        await DeactivateAsync(Case(opened.CaseId));

        var after = (await Case(opened.CaseId).Get())!;
        Assert.Equal(before with { Rules = [] }, after with { Rules = [] });
        Assert.Equal(before.Rules, after.Rules);
        Assert.Equal((8, AlertSeverity.Critical, CaseStatus.Triaged), (after.AlertCount, after.Severity, after.Status));
        Assert.True((await Intake.RaiseAlert(sent[1])).Duplicate);
        Assert.Equal(opened.CaseId, (await Intake.RaiseAlert(Alert(9, host: "ws-7"))).CaseId);
        Assert.Single(await Intake.ListCases(null, 10));
    }

    [Fact]
    public async Task An_intake_row_whose_case_update_was_lost_in_a_crash_is_re_driven_on_activation()
    {
        // What a crash right after the intake's append leaves behind: the row on the intake ledger, no case at all.
        var alert = Alert(1, principal: "hank", severity: AlertSeverity.High);
        var caseId = CaseKeys.CaseIdFor(alert.Source, alert.Seq);
        var entry = new IntakeEntry
        {
            Type = AlertRaised.TypeName, LedgerSource = CaseKeys.Alert(alert.Source), LedgerSeq = alert.Seq, At = alert.OccurredAt,
            Alert = alert, CaseId = caseId, OpenedCase = true,
        };
        var store = fixture.Cluster.Silos.First().ServiceProvider.GetRequiredService<ILedgerStore>();
        await store.AppendBatchAsync(
            [new LedgerAppend(LedgerNames.SecurityIntake(_tenant), _tenant, 1, entry.LedgerSource, entry.LedgerSeq, entry.Type, entry.At, SecurityLedgerCodec.Serialize(entry))],
            CancellationToken.None);
        Assert.Null(await Case(caseId).Get());

        var listed = await Intake.ListCases(null, 10);
        var retry = await Intake.RaiseAlert(alert);

        Assert.Equal(caseId, Assert.Single(listed).CaseId);
        Assert.Equal((true, caseId, 1), (retry.Duplicate, retry.CaseId, retry.Case.AlertCount));
        Assert.Equal(AlertSeverity.High, retry.Case.Severity);
    }

    private async Task DeactivateAsync(IGrain grain)
    {
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var id = grain.GetGrainId();
        Task<bool> IsActive() => management.GetDetailedGrainStatistics().ContinueWith(t => t.Result.Any(s => s.GrainId == id), TaskScheduler.Default);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(IsActive, active => !active, Patience, $"deactivation of {id}");
    }
}
