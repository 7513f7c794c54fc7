using Actors.Contracts.Invoicing;
using Actors.Contracts.Reconciliation;
using Actors.Domain.Reconciliation;

namespace Actors.Domain.Tests.Reconciliation;

public sealed class AccountReconcilerTests
{
    private static readonly BillingWindow November = ReconciliationScenario.November;
    private static readonly DateTimeOffset Nov3 = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Nov20 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Dec1 = new(2026, 12, 1, 0, 5, 0, TimeSpan.Zero);

    [Fact]
    public void A_consistent_account_has_no_mismatch()
    {
        var s = new ReconciliationScenario().Usage("api", 100, Nov3).Usage("storage", 1500, Nov20).Payment(100, Nov20);
        s.IssueInvoice(November, Dec1);

        var check = AccountReconciler.Check(s.Input(November, s.ProjectionThrough(3), checkpoint: 30));

        Assert.True(check.HadActivity);
        Assert.Empty(check.Mismatches);
    }

    [Fact]
    public void An_account_without_activity_in_the_window_is_not_checked()
    {
        var s = new ReconciliationScenario().Usage("api", 100, Nov3);

        var check = AccountReconciler.Check(s.Input(November.Next, s.ProjectionThrough(1), checkpoint: 10));

        Assert.False(check.HadActivity);
        Assert.Empty(check.Mismatches);
    }

    [Fact]
    public void An_invoice_billing_fewer_units_than_the_ledger_is_missing_usage_and_its_correction_charges_the_difference()
    {
        var s = new ReconciliationScenario().Usage("api", 100, Nov3).Usage("storage", 1500, Nov20);
        var issued = s.IssueInvoice(November, Dec1);
        // The invoice lost 400 storage units: 1100 units cost 1000*5 + 100*3 = 5300 instead of 1000*5 + 500*3 = 6500.
        var storage = issued.Lines.Single(l => l.Meter == "storage");
        s.ReplaceInvoice(issued, issued with
        {
            Lines = [.. issued.Lines.Where(l => l.Meter != "storage"), storage with { Quantity = 1100, AmountMinor = 5300 }],
            TotalMinor = issued.TotalMinor - 1200,
        });

        var mismatch = Assert.Single(AccountReconciler.Check(s.Input(November)).Mismatches);

        Assert.Equal(MismatchKind.MissingUsage, mismatch.Key.Kind);
        Assert.Equal(new ReconciliationKey("acme", "c1", "2026-11", "standard@1", MismatchKind.MissingUsage), mismatch.Key);
        var line = Assert.Single(mismatch.Lines);
        Assert.Equal(("storage", "2026-11", 1500L, 1100L, 6500L, 5300L), (line.Subject, line.UsageWindow, line.ExpectedQuantity, line.ActualQuantity, line.ExpectedAmountMinor, line.ActualAmountMinor));
        Assert.Equal(1200, mismatch.CorrectionMinor);
    }

    [Fact]
    public void An_invoice_whose_amount_differs_from_its_plan_is_a_rating_inconsistency_and_the_correction_refunds_the_overcharge()
    {
        var s = new ReconciliationScenario().Usage("api", 100, Nov3);
        var issued = s.IssueInvoice(November, Dec1);
        s.ReplaceInvoice(issued, issued with { Lines = [issued.Lines[0] with { AmountMinor = 250 }], TotalMinor = 250 });

        var mismatch = Assert.Single(AccountReconciler.Check(s.Input(November)).Mismatches);

        Assert.Equal(MismatchKind.RatingInconsistency, mismatch.Key.Kind);
        Assert.Equal(-50, mismatch.CorrectionMinor);
    }

    [Fact]
    public void Usage_recorded_after_the_invoice_is_a_late_arrival_without_an_adjustment()
    {
        var s = new ReconciliationScenario().Usage("api", 100, Nov3);
        s.IssueInvoice(November, Dec1);
        s.Usage("api", 7, Nov20);

        var mismatch = Assert.Single(AccountReconciler.Check(s.Input(November)).Mismatches);

        Assert.Equal(MismatchKind.LateArrival, mismatch.Key.Kind);
        var line = Assert.Single(mismatch.Lines);
        Assert.Equal(("api", 7L, 14L), (line.Subject, line.ExpectedQuantity, line.ExpectedAmountMinor));
        Assert.Equal(0, mismatch.CorrectionMinor);
    }

    [Fact]
    public void Late_usage_carried_by_the_next_invoice_leaves_the_next_window_clean()
    {
        var s = new ReconciliationScenario().Usage("api", 100, Nov3);
        s.IssueInvoice(November, Dec1);
        s.Usage("api", 7, Nov20).Usage("api", 5, Dec1.AddDays(2));
        var december = s.IssueInvoice(November.Next, Dec1.AddMonths(1));

        Assert.Contains(december.Lines, l => l.UsageWindow == "2026-11" && l.Quantity == 7);
        Assert.Empty(AccountReconciler.Check(s.Input(November.Next)).Mismatches);
    }

    [Fact]
    public void The_same_usage_under_two_keys_is_duplicated_usage_and_the_correction_refunds_the_copy()
    {
        var s = new ReconciliationScenario()
            .Usage("api", 100, Nov3, source: "meter-a", seq: 1)
            .Usage("api", 100, Nov3, source: "meter-b", seq: 9)
            .Usage("api", 100, Nov20);

        var mismatch = Assert.Single(AccountReconciler.Check(s.Input(November)).Mismatches);

        Assert.Equal(MismatchKind.DuplicatedUsage, mismatch.Key.Kind);
        var line = Assert.Single(mismatch.Lines);
        Assert.Equal((200L, 300L), (line.ExpectedQuantity, line.ActualQuantity));
        Assert.Equal(-200, mismatch.CorrectionMinor);
    }

    [Fact]
    public void A_projection_that_differs_from_the_ledger_it_applied_is_drift_but_one_that_is_behind_is_not()
    {
        var s = new ReconciliationScenario().Usage("api", 100, Nov3).Payment(50, Nov3).Usage("api", 10, Nov20);

        var behind = s.ProjectionThrough(2);
        Assert.Empty(AccountReconciler.Check(s.Input(November, behind, checkpoint: 25)).Mismatches);

        var drifted = behind with { BalanceMinor = new Dictionary<string, long> { ["USD"] = 999 } };
        var mismatch = Assert.Single(AccountReconciler.Check(s.Input(November, drifted, checkpoint: 25)).Mismatches);
        Assert.Equal(MismatchKind.ProjectionDrift, mismatch.Key.Kind);
        var line = Assert.Single(mismatch.Lines);
        Assert.Equal((AccountReconciler.BalanceSubject, 150L, 999L), (line.Subject, line.ExpectedAmountMinor, line.ActualAmountMinor));
        Assert.Equal(0, mismatch.CorrectionMinor);
    }

    [Fact]
    public void A_projection_missing_an_account_it_has_passed_is_drift()
    {
        var s = new ReconciliationScenario().Usage("api", 100, Nov3);

        Assert.Empty(AccountReconciler.Check(s.Input(November, projection: null, checkpoint: 5)).Mismatches);
        var mismatch = Assert.Single(AccountReconciler.Check(s.Input(November, projection: null, checkpoint: 10)).Mismatches);
        Assert.Equal(MismatchKind.ProjectionDrift, mismatch.Key.Kind);
    }

    [Fact]
    public void Several_faults_give_one_mismatch_per_kind_in_kind_order_and_the_same_answer_every_time()
    {
        var s = new ReconciliationScenario()
            .Usage("api", 100, Nov3, source: "a", seq: 1)
            .Usage("api", 100, Nov3, source: "b", seq: 1);
        var issued = s.IssueInvoice(November, Dec1);
        s.ReplaceInvoice(issued, issued with { Lines = [issued.Lines[0] with { Quantity = 150, AmountMinor = 300 }], TotalMinor = 300 });
        s.Usage("api", 1, Nov20);
        var input = s.Input(November, s.ProjectionThrough(3) with { LastPosition = 3, BalanceMinor = new Dictionary<string, long>() }, 30);

        var first = AccountReconciler.Check(input);
        var second = AccountReconciler.Check(input);

        Assert.Equal(
            [MismatchKind.MissingUsage, MismatchKind.DuplicatedUsage, MismatchKind.LateArrival, MismatchKind.ProjectionDrift],
            first.Mismatches.Select(m => m.Key.Kind));
        Assert.Equal(
            first.Mismatches.Select(m => (m.Key, m.CorrectionMinor, string.Join("|", m.Lines))),
            second.Mismatches.Select(m => (m.Key, m.CorrectionMinor, string.Join("|", m.Lines))));
    }
}
