using System.Text.Json;
using Actors.Domain.Dedup;

namespace Actors.Domain.Tests.Dedup;

public sealed class SequenceSetTests
{
    [Fact]
    public void Empty_set_answers_new()
    {
        var set = new SequenceSet();

        Assert.Equal(DedupVerdict.New, set.Check(1));
        Assert.Equal(DedupVerdict.New, set.Check(long.MaxValue));
        Assert.Equal(0, set.HighWater);
        Assert.Empty(set.Intervals);
    }

    [Fact]
    public void In_order_marks_only_advance_the_high_water_mark()
    {
        var set = new SequenceSet();

        for (var seq = 1; seq <= 5; seq++)
        {
            set.Mark(seq);
        }

        Assert.Equal(5, set.HighWater);
        Assert.Empty(set.Intervals);
        Assert.Equal(DedupVerdict.Seen, set.Check(1));
        Assert.Equal(DedupVerdict.Seen, set.Check(5));
        Assert.Equal(DedupVerdict.New, set.Check(6));
    }

    [Fact]
    public void Out_of_order_marks_merge_and_then_advance_the_high_water_mark()
    {
        var set = new SequenceSet();

        set.Mark(3);
        set.Mark(5);
        Assert.Equal([new SequenceInterval(3, 3), new SequenceInterval(5, 5)], set.Intervals);
        Assert.Equal(DedupVerdict.New, set.Check(4));

        set.Mark(4);
        Assert.Equal([new SequenceInterval(3, 5)], set.Intervals);

        set.Mark(2);
        Assert.Equal([new SequenceInterval(2, 5)], set.Intervals);
        Assert.Equal(0, set.HighWater);

        set.Mark(1);
        Assert.Equal(5, set.HighWater);
        Assert.Empty(set.Intervals);
    }

    [Fact]
    public void A_gap_stays_new_while_the_numbers_around_it_are_seen()
    {
        var set = new SequenceSet();

        foreach (var seq in new long[] { 1, 2, 4, 5, 9 })
        {
            set.Mark(seq);
        }

        Assert.Equal(2, set.HighWater);
        Assert.Equal([new SequenceInterval(4, 5), new SequenceInterval(9, 9)], set.Intervals);
        Assert.Equal(DedupVerdict.New, set.Check(3));
        Assert.Equal(DedupVerdict.Seen, set.Check(4));
        Assert.Equal(DedupVerdict.New, set.Check(6));
        Assert.Equal(DedupVerdict.New, set.Check(8));
        Assert.Equal(DedupVerdict.Seen, set.Check(9));
        Assert.Equal(DedupVerdict.New, set.Check(10));
    }

    [Fact]
    public void Extending_an_interval_at_either_end_merges_it()
    {
        var set = new SequenceSet();
        set.Mark(10);

        set.Mark(11);
        set.Mark(9);

        Assert.Equal([new SequenceInterval(9, 11)], set.Intervals);
    }

    [Fact]
    public void Marking_a_seen_number_again_changes_nothing()
    {
        var set = new SequenceSet();
        foreach (var seq in new long[] { 1, 2, 7, 8, 12 })
        {
            set.Mark(seq);
        }
        var before = JsonSerializer.Serialize(set.ToSnapshot());

        foreach (var seq in new long[] { 1, 2, 7, 8, 12 })
        {
            set.Mark(seq);
        }

        Assert.Equal(before, JsonSerializer.Serialize(set.ToSnapshot()));
    }

    [Fact]
    public void Sequence_numbers_below_one_are_rejected()
    {
        var set = new SequenceSet();

        Assert.Throws<ArgumentOutOfRangeException>(() => set.Check(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Mark(-1));
    }

    [Fact]
    public void The_largest_sequence_number_is_handled()
    {
        var set = new SequenceSet();

        set.Mark(long.MaxValue);
        set.Mark(long.MaxValue - 1);

        Assert.Equal([new SequenceInterval(long.MaxValue - 1, long.MaxValue)], set.Intervals);
        Assert.Equal(DedupVerdict.Seen, set.Check(long.MaxValue));
    }

    [Fact]
    public void Beyond_the_bound_the_lowest_interval_is_forgotten_and_answers_unknown_not_new()
    {
        var set = new SequenceSet(maxIntervals: 2);

        set.Mark(2);
        set.Mark(4);
        set.Mark(6);

        Assert.Equal([new SequenceInterval(4, 4), new SequenceInterval(6, 6)], set.Intervals);
        Assert.Equal(2, set.UncertainUpTo);
        Assert.Equal(DedupVerdict.Unknown, set.Check(2));
        Assert.Equal(DedupVerdict.Unknown, set.Check(1));
        Assert.Equal(DedupVerdict.New, set.Check(3));
        Assert.Equal(DedupVerdict.Seen, set.Check(4));
        Assert.Equal(DedupVerdict.Seen, set.Check(6));
    }

    [Fact]
    public void Forgotten_numbers_become_certain_again_once_the_high_water_mark_passes_them()
    {
        var set = new SequenceSet(maxIntervals: 1);
        set.Mark(3);
        set.Mark(5);
        Assert.Equal(DedupVerdict.Unknown, set.Check(3));

        set.Mark(1);
        set.Mark(2);
        set.Mark(3);
        set.Mark(4);

        Assert.Equal(5, set.HighWater);
        Assert.Equal(DedupVerdict.Seen, set.Check(3));
        Assert.Empty(set.Intervals);
    }

    [Fact]
    public void A_zero_bound_keeps_only_the_high_water_mark()
    {
        var set = new SequenceSet(maxIntervals: 0);

        set.Mark(1);
        set.Mark(3);

        Assert.Equal(1, set.HighWater);
        Assert.Empty(set.Intervals);
        Assert.Equal(DedupVerdict.Unknown, set.Check(2));
        Assert.Equal(DedupVerdict.Unknown, set.Check(3));
        Assert.Equal(DedupVerdict.New, set.Check(4));
    }

    [Fact]
    public void Snapshot_round_trips_through_json_exactly()
    {
        var set = new SequenceSet(maxIntervals: 3);
        foreach (var seq in new long[] { 1, 2, 5, 9, 10, 14, 20, 30 })
        {
            set.Mark(seq);
        }
        var json = JsonSerializer.Serialize(set.ToSnapshot());

        var restored = SequenceSet.FromSnapshot(JsonSerializer.Deserialize<SequenceSetSnapshot>(json)!, maxIntervals: 3);

        Assert.Equal(json, JsonSerializer.Serialize(restored.ToSnapshot()));
        Assert.Equal(set.HighWater, restored.HighWater);
        Assert.Equal(set.UncertainUpTo, restored.UncertainUpTo);
        Assert.Equal(set.Intervals, restored.Intervals);
        for (long seq = 1; seq <= 32; seq++)
        {
            Assert.Equal(set.Check(seq), restored.Check(seq));
        }
    }

    [Theory]
    [InlineData("absorbable")]
    [InlineData("reversed")]
    [InlineData("adjacent")]
    [InlineData("overlapping")]
    [InlineData("negative")]
    public void Snapshot_that_breaks_the_invariants_is_rejected(string defect)
    {
        var snapshot = defect switch
        {
            // touches HighWater + 1, so Mark would have folded it into the high-water mark
            "absorbable" => new SequenceSetSnapshot { HighWater = 1, Intervals = [new(2, 4)] },
            "reversed" => new SequenceSetSnapshot { HighWater = 1, Intervals = [new(6, 4)] },
            "adjacent" => new SequenceSetSnapshot { HighWater = 1, Intervals = [new(3, 4), new(5, 6)] },
            "overlapping" => new SequenceSetSnapshot { HighWater = 1, Intervals = [new(3, 6), new(5, 9)] },
            "negative" => new SequenceSetSnapshot { HighWater = -1 },
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, "no such defect case"),
        };

        Assert.Throws<ArgumentException>(() => SequenceSet.FromSnapshot(snapshot));
    }

    [Fact]
    public void Restoring_with_a_smaller_bound_forgets_safely()
    {
        var set = new SequenceSet();
        foreach (var seq in new long[] { 3, 5, 7 })
        {
            set.Mark(seq);
        }

        var restored = SequenceSet.FromSnapshot(set.ToSnapshot(), maxIntervals: 1);

        Assert.Equal([new SequenceInterval(7, 7)], restored.Intervals);
        Assert.Equal(DedupVerdict.Unknown, restored.Check(3));
        Assert.Equal(DedupVerdict.Unknown, restored.Check(5));
        Assert.Equal(DedupVerdict.Seen, restored.Check(7));
    }
}
