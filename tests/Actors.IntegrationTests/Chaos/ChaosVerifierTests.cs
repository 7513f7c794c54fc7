using Actors.Cli.Chaos;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Inventory;
using Actors.Contracts.Security;

namespace Actors.IntegrationTests.Chaos;

/// <summary>
/// The verifier on hand-made logs and cluster states: it must pass a consistent run and catch a lost event, a doubled
/// event, wrong stock and a lost case, so a chaos run that passes means something.
/// </summary>
public sealed class ChaosVerifierTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static ChaosOperation Usage(long id, long seq, long quantity, long price) =>
        new(id, ChaosOperationKind.Usage, "acc-1", ChaosWorkload.UsageSource, seq, quantity, price, At.AddMilliseconds(id));

    private static ChaosOperation Payment(long id, long seq, long amount) =>
        new(id, ChaosOperationKind.Payment, "acc-1", ChaosWorkload.PaymentSource, seq, 0, amount, At.AddMilliseconds(id));

    private static Acknowledgement Ack(ChaosOperation operation, bool duplicate = false, string? caseId = null) =>
        new(operation, duplicate, Refused: false, caseId, Attempts: 1, At);

    private static LedgerRecord Row(long position, ChaosOperation operation) =>
        new(position, position, operation.Source, operation.Seq, operation.Kind == ChaosOperationKind.Usage ? "UsageRecorded" : "PaymentReceived",
            operation.OccurredAt, operation.OccurredAt, "{}");

    private static ChaosObservations Billing(long balance, params ChaosOperation[] onLedger) => new(
        new Dictionary<string, IReadOnlyList<LedgerRecord>> { ["acc-1"] = onLedger.Select((o, i) => Row(i + 1, o)).ToList() },
        new Dictionary<string, AccountBalance> { ["acc-1"] = new("t", "acc-1", new() { ["USD"] = balance }, new(), onLedger.Length, onLedger.Length) },
        new Dictionary<string, StockBuckets>(),
        new Dictionary<string, SecurityCase?>(),
        []);

    [Fact]
    public void A_consistent_log_and_ledger_pass_with_duplicates_counted()
    {
        var usage = Usage(1, 1, quantity: 10, price: 3);
        var payment = Payment(2, 1, amount: 7);
        var repeat = usage with { Id = 3, DuplicateOf = 1 };
        var log = new[] { Ack(usage), Ack(payment), Ack(repeat, duplicate: true) };

        var verdict = ChaosVerifier.Verify(log, [], Billing(30 - 7, usage, payment));

        Assert.True(verdict.Passed, string.Join("\n", verdict.Checks.Where(c => !c.Passed)));
        Assert.Equal(2, verdict.EventsAcknowledged);
        Assert.Equal((0L, 0L), (verdict.Lost, verdict.AppliedTwice));
        Assert.Equal((1L, 1L), (verdict.DuplicatesSent, verdict.DuplicatesAnswered));
    }

    [Fact]
    public void An_acknowledged_event_missing_from_the_ledger_is_lost()
    {
        var kept = Usage(1, 1, 10, 3);
        var dropped = Usage(2, 2, 5, 3);

        var verdict = ChaosVerifier.Verify([Ack(kept), Ack(dropped)], [], Billing(30, kept));

        Assert.Equal(1, verdict.Lost);
        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Checks, c => !c.Passed && c.Detail.Contains(dropped.Key));
    }

    [Fact]
    public void An_event_on_the_ledger_twice_is_applied_twice_and_breaks_the_balance()
    {
        var usage = Usage(1, 1, 10, 3);

        var verdict = ChaosVerifier.Verify([Ack(usage)], [], Billing(60, usage, usage));

        Assert.Equal(1, verdict.AppliedTwice);
        Assert.Equal(0, verdict.Lost);
        Assert.Contains(verdict.Checks, c => c.Name == "balances equal the acknowledged sums" && !c.Passed);
    }

    [Fact]
    public void An_unanswered_call_may_be_applied_or_not_but_a_row_nobody_sent_fails()
    {
        var acknowledged = Usage(1, 1, 10, 3);
        var unanswered = Payment(2, 1, 4);
        var phantom = Usage(3, 9, 1, 1);

        Assert.True(ChaosVerifier.Verify([Ack(acknowledged)], [unanswered], Billing(30 - 4, acknowledged, unanswered)).Passed);
        Assert.True(ChaosVerifier.Verify([Ack(acknowledged)], [unanswered], Billing(30, acknowledged)).Passed);
        var verdict = ChaosVerifier.Verify([Ack(acknowledged)], [], Billing(31, acknowledged, phantom));
        Assert.Contains(verdict.Checks, c => c.Name == "no ledger row that was never sent" && !c.Passed);
    }

    [Fact]
    public void A_deliberate_duplicate_answered_as_new_fails()
    {
        var usage = Usage(1, 1, 10, 3);

        var verdict = ChaosVerifier.Verify([Ack(usage), Ack(usage with { Id = 2, DuplicateOf = 1 }, duplicate: false)], [], Billing(30, usage));

        Assert.Contains(verdict.Checks, c => c.Name == "deliberate duplicates answered duplicate: true" && !c.Passed);
    }

    [Fact]
    public void Stock_that_differs_from_acknowledged_receipts_and_reservations_fails()
    {
        var receive = new ChaosOperation(1, ChaosOperationKind.Receive, "sku-1", ChaosWorkload.ReceiveSource, 1, 50, 0, At);
        var reserve = new ChaosOperation(2, ChaosOperationKind.Reserve, "sku-1", "chaos-r1", 0, 3, 0, At);
        var confirm = new ChaosOperation(3, ChaosOperationKind.Confirm, "sku-1", "chaos-r1", 0, 3, 0, At);
        ChaosObservations Stock(StockBuckets buckets) => new(
            new Dictionary<string, IReadOnlyList<LedgerRecord>>(), new Dictionary<string, AccountBalance>(),
            new Dictionary<string, StockBuckets> { ["sku-1"] = buckets }, new Dictionary<string, SecurityCase?>(), []);
        var log = new[] { Ack(receive), Ack(reserve), Ack(confirm) };

        Assert.True(ChaosVerifier.Verify(log, [], Stock(new StockBuckets(47, 0, 3, 0, 0))).Passed);
        var doubledReceipt = ChaosVerifier.Verify(log, [], Stock(new StockBuckets(97, 0, 3, 0, 0)));
        Assert.Contains(doubledReceipt.Checks, c => c.Name == "units on the books equal acknowledged receipts" && !c.Passed);
        var lostConfirmation = ChaosVerifier.Verify(log, [], Stock(new StockBuckets(47, 3, 0, 0, 0)));
        Assert.Contains(lostConfirmation.Checks, c => c.Name == "committed equals acknowledged confirmations" && !c.Passed);
        var negative = ChaosVerifier.Verify(log, [], Stock(new StockBuckets(-1, 45, 6, 0, 0)));
        Assert.Contains(negative.Checks, c => c.Name == "no negative stock bucket" && !c.Passed);
    }

    [Fact]
    public void An_acknowledged_alert_whose_case_is_gone_is_lost()
    {
        var alert = new ChaosOperation(1, ChaosOperationKind.Alert, "user-1", ChaosWorkload.AlertSource, 1, 0, 0, At);
        var second = alert with { Id = 2, Seq = 2 };
        var open = new SecurityCase("t", "case-1", CaseStatus.Open, AlertSeverity.Medium, "user-1", null, 2, ["chaos-rule"], At, At, 2);
        ChaosObservations Cases(SecurityCase? found) => new(
            new Dictionary<string, IReadOnlyList<LedgerRecord>>(), new Dictionary<string, AccountBalance>(),
            new Dictionary<string, StockBuckets>(), new Dictionary<string, SecurityCase?> { ["case-1"] = found }, found is null ? [] : [found]);
        var log = new[] { Ack(alert, caseId: "case-1"), Ack(second, caseId: "case-1") };

        Assert.True(ChaosVerifier.Verify(log, [], Cases(open)).Passed);
        var gone = ChaosVerifier.Verify(log, [], Cases(null));
        Assert.Equal(2, gone.Lost);
        var counted3 = ChaosVerifier.Verify(log, [], Cases(open with { AlertCount = 3 }));
        Assert.Equal(1, counted3.AppliedTwice);
    }
}
