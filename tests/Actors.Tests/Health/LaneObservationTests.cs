using Actors.Hosting.Health;
using Actors.Streaming.Lanes;

namespace Actors.Tests.Health;

/// <summary>Backlog age and DLQ growth derived from successive lane status readings.</summary>
public sealed class LaneObservationTests
{
    private static readonly DateTimeOffset T0 = HealthReports.At;

    private static LanePartitionStatus Partition(string lane, int partition, long pending, long committed, long deadLetters = 0) =>
        new(lane, partition, pending, committed, committed, deadLetters);

    [Fact]
    public void A_head_that_does_not_move_ages_from_the_first_reading_that_saw_it_waiting()
    {
        var ages = new LaneBacklogAges();

        var first = ages.Observe([Partition(LaneNames.Critical, 0, 4, 10), Partition(LaneNames.Critical, 1, 0, 3)], T0);
        var later = ages.Observe([Partition(LaneNames.Critical, 0, 6, 10), Partition(LaneNames.Critical, 1, 0, 3)], T0.AddSeconds(42));

        Assert.Equal(0, first[LaneNames.Critical].Seconds);
        Assert.Equal(new LaneBacklogAge(LaneNames.Critical, 42, 6, 0), later[LaneNames.Critical]);
    }

    [Fact]
    public void A_reported_enqueue_time_gives_the_true_age_even_while_the_consumer_moves()
    {
        var ages = new LaneBacklogAges();
        LanePartitionStatus Moving(long committed, DateTimeOffset oldest) => new(LaneNames.Critical, 0, 50, committed, committed, 0, oldest);

        var first = ages.Observe([Moving(100, T0.AddSeconds(-90))], T0);
        var moved = ages.Observe([Moving(101, T0.AddSeconds(-85))], T0.AddSeconds(5));

        Assert.Equal(90, first[LaneNames.Critical].Seconds);
        Assert.Equal(90, moved[LaneNames.Critical].Seconds);
    }

    [Fact]
    public void A_consumer_that_moves_or_drains_resets_the_age()
    {
        var ages = new LaneBacklogAges();
        ages.Observe([Partition(LaneNames.Bulk, 2, 5, 100)], T0);

        var moved = ages.Observe([Partition(LaneNames.Bulk, 2, 5, 101)], T0.AddSeconds(30));
        var stillThere = ages.Observe([Partition(LaneNames.Bulk, 2, 5, 101)], T0.AddSeconds(40));
        var drained = ages.Observe([Partition(LaneNames.Bulk, 2, 0, 106)], T0.AddSeconds(50));

        Assert.Equal(0, moved[LaneNames.Bulk].Seconds);
        Assert.Equal(10, stillThere[LaneNames.Bulk].Seconds);
        Assert.Equal(new LaneBacklogAge(LaneNames.Bulk, 0, 0, null), drained[LaneNames.Bulk]);
    }

    [Fact]
    public void The_lanes_oldest_head_is_its_age()
    {
        var ages = new LaneBacklogAges();
        ages.Observe([Partition(LaneNames.Critical, 0, 1, 5)], T0);
        ages.Observe([Partition(LaneNames.Critical, 0, 1, 5), Partition(LaneNames.Critical, 1, 2, 8)], T0.AddSeconds(10));

        var now = ages.Observe([Partition(LaneNames.Critical, 0, 1, 5), Partition(LaneNames.Critical, 1, 2, 8)], T0.AddSeconds(15));

        Assert.Equal(new LaneBacklogAge(LaneNames.Critical, 15, 3, 0), now[LaneNames.Critical]);
    }

    [Fact]
    public void Dead_letters_added_count_within_the_window_and_a_replay_does_not_hide_them()
    {
        var growth = new DeadLetterGrowth(TimeSpan.FromSeconds(60));

        var baseline = growth.Observe([Partition(LaneNames.Critical, 0, 0, 0, deadLetters: 10), Partition(LaneNames.Critical, 1, 0, 0, deadLetters: 10)], T0);
        growth.Observe([Partition(LaneNames.Critical, 0, 0, 0, deadLetters: 13)], T0.AddSeconds(10));
        var afterReplay = growth.Observe([Partition(LaneNames.Critical, 0, 0, 0, deadLetters: 1)], T0.AddSeconds(20));
        var twoMore = growth.Observe([Partition(LaneNames.Critical, 0, 0, 0, deadLetters: 3)], T0.AddSeconds(30));
        var windowPassed = growth.Observe([Partition(LaneNames.Critical, 0, 0, 0, deadLetters: 3)], T0.AddSeconds(75));
        var allGone = growth.Observe([Partition(LaneNames.Critical, 0, 0, 0, deadLetters: 3)], T0.AddSeconds(95));

        Assert.Equal(0, baseline[LaneNames.Critical]);
        Assert.Equal(3, afterReplay[LaneNames.Critical]);
        Assert.Equal(5, twoMore[LaneNames.Critical]);
        Assert.Equal(2, windowPassed[LaneNames.Critical]);
        Assert.Equal(0, allGone[LaneNames.Critical]);
    }
}
