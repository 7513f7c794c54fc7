using Actors.Contracts.Reconciliation;
using Actors.Domain.Reconciliation;

namespace Actors.Domain.Tests.Reconciliation;

public sealed class CorrectionKeysTests
{
    [Fact]
    public void The_correction_key_depends_on_window_plan_and_kind_only()
    {
        var key = new ReconciliationKey("acme", "c1", "2026-11", "standard@2", MismatchKind.DuplicatedUsage);

        Assert.Equal(new AdjustmentKey("reconcile:2026-11:standard@2", 2), CorrectionKeys.For(key));
        Assert.Equal(CorrectionKeys.For(key), CorrectionKeys.For(key with { Account = "c2" }));
        Assert.NotEqual(CorrectionKeys.For(key), CorrectionKeys.For(key with { Plan = "standard@1" }));
        Assert.NotEqual(CorrectionKeys.For(key), CorrectionKeys.For(key with { Window = "2026-10" }));
        Assert.NotEqual(CorrectionKeys.For(key), CorrectionKeys.For(key with { Kind = MismatchKind.MissingUsage }));
    }

    [Theory]
    [InlineData(ExceptionStatus.Acknowledged, new[] { ExceptionStatus.Open })]
    [InlineData(ExceptionStatus.Resolved, new[] { ExceptionStatus.Open, ExceptionStatus.Acknowledged })]
    [InlineData(ExceptionStatus.Dismissed, new[] { ExceptionStatus.Open, ExceptionStatus.Acknowledged })]
    public void The_workflow_allows_each_move_only_from_unsettled_statuses(ExceptionStatus to, ExceptionStatus[] from) =>
        Assert.Equal(from.Order(), ExceptionWorkflow.AllowedFrom(to).Order());

    [Fact]
    public void Nothing_moves_back_to_open() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExceptionWorkflow.AllowedFrom(ExceptionStatus.Open));
}
