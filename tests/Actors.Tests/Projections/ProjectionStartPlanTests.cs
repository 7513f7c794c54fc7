using Actors.Ledger.Projections;

namespace Actors.Tests.Projections;

/// <summary>What the projection's owner does at start, for each state the versions can be in.</summary>
public sealed class ProjectionStartPlanTests
{
    private const int Logic = 2;

    [Fact]
    public void With_no_version_it_builds_the_first_one_and_tails_nothing_meanwhile()
    {
        var plan = ProjectionStartPlan.For([], Logic);

        Assert.Equal((null, 1), (plan.Live, plan.RebuildInto));
    }

    [Fact]
    public void A_current_active_version_is_tailed_and_nothing_is_rebuilt()
    {
        var plan = ProjectionStartPlan.For([new(1, 1, 90, false), new(2, Logic, 100, true)], Logic);

        Assert.Equal((2, (int?)null), (plan.Live, plan.RebuildInto));
    }

    [Fact]
    public void An_active_version_of_older_logic_keeps_serving_while_a_version_above_every_other_is_built()
    {
        var plan = ProjectionStartPlan.For([new(3, Logic - 1, 100, true), new(2, Logic - 1, 40, false)], Logic);

        Assert.Equal((3, 4), (plan.Live, plan.RebuildInto));
        Assert.Contains("logic version 1", plan.Reason);
    }

    [Fact]
    public void An_inactive_version_above_the_active_one_of_this_logic_is_an_interrupted_rebuild_and_is_resumed()
    {
        var plan = ProjectionStartPlan.For([new(1, Logic, 500, true), new(2, Logic, 120, false)], Logic);

        Assert.Equal((1, 2), (plan.Live, plan.RebuildInto));
        Assert.Contains("resuming", plan.Reason);
    }

    [Fact]
    public void An_interrupted_rebuild_of_older_logic_is_not_resumed_but_replaced_by_a_new_version()
    {
        var plan = ProjectionStartPlan.For([new(1, Logic - 1, 500, true), new(2, Logic - 1, 120, false)], Logic);

        Assert.Equal((1, 3), (plan.Live, plan.RebuildInto));
    }

    [Fact]
    public void A_version_the_previous_rebuild_replaced_is_not_mistaken_for_an_interrupted_one()
    {
        var plan = ProjectionStartPlan.For([new(1, Logic, 400, false), new(2, Logic, 500, true)], Logic);

        Assert.Equal((2, (int?)null), (plan.Live, plan.RebuildInto));
    }

    [Fact]
    public void An_active_version_built_by_newer_logic_is_left_alone()
    {
        var plan = ProjectionStartPlan.For([new(4, Logic + 1, 500, true)], Logic);

        Assert.Equal(((int?)null, (int?)null), (plan.Live, plan.RebuildInto));
        Assert.Contains("newer than this silo's", plan.Reason);
    }
}
