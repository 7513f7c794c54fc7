using Actors.Domain.Dedup;
using CsCheck;

namespace Actors.Domain.Tests.Dedup;

/// <summary>
/// Compares <see cref="SequenceSet"/> with the obvious model (a hash set of every marked number) over random mark orders.
/// </summary>
public sealed class SequenceSetModelTests
{
    private const long Range = 60;

    [Fact]
    public void Unbounded_set_answers_exactly_like_the_model_and_keeps_its_shape()
    {
        Gen.Long[1, Range].Array[0, 150].Sample(marks =>
        {
            var set = new SequenceSet();
            var model = new HashSet<long>();
            foreach (var seq in marks)
            {
                set.Mark(seq);
                model.Add(seq);
                AssertShape(set, model);
                for (long probe = 1; probe <= Range + 1; probe++)
                {
                    Assert.Equal(model.Contains(probe) ? DedupVerdict.Seen : DedupVerdict.New, set.Check(probe));
                }
            }
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Bounded_set_never_answers_new_for_a_marked_number_nor_seen_for_an_unmarked_one()
    {
        Gen.Select(Gen.Int[0, 4], Gen.Long[1, Range].Array[0, 150]).Sample((maxIntervals, marks) =>
        {
            var set = new SequenceSet(maxIntervals);
            var model = new HashSet<long>();
            foreach (var seq in marks)
            {
                set.Mark(seq);
                model.Add(seq);
                AssertShape(set, model);
                Assert.True(set.Intervals.Count <= maxIntervals, $"{set.Intervals.Count} intervals exceed the bound {maxIntervals}");
                for (long probe = 1; probe <= Range + 1; probe++)
                {
                    var verdict = set.Check(probe);
                    Assert.True(
                        model.Contains(probe) ? verdict != DedupVerdict.New : verdict != DedupVerdict.Seen,
                        $"seq {probe} (marked: {model.Contains(probe)}) answered {verdict}");
                }
            }

            var restored = SequenceSet.FromSnapshot(set.ToSnapshot(), maxIntervals);
            for (long probe = 1; probe <= Range + 1; probe++)
            {
                Assert.Equal(set.Check(probe), restored.Check(probe));
            }
        }, iter: 300, threads: 1);
    }

    // The high-water mark is contiguous and seen, and the intervals are sorted, seen, and separated by real holes.
    private static void AssertShape(SequenceSet set, HashSet<long> model)
    {
        for (long seq = 1; seq <= set.HighWater; seq++)
        {
            Assert.Contains(seq, model);
        }
        if (set.UncertainUpTo <= set.HighWater)
        {
            // Nothing forgotten above the mark, so it must be as high as the marks allow.
            Assert.DoesNotContain(set.HighWater + 1, model);
        }
        var floor = set.HighWater + 1;
        foreach (var interval in set.Intervals)
        {
            Assert.True(interval.Start > floor && interval.Start <= interval.End, $"interval [{interval.Start}, {interval.End}] above {floor - 1} is misplaced");
            for (var seq = interval.Start; seq <= interval.End; seq++)
            {
                Assert.Contains(seq, model);
            }
            floor = interval.End + 1;
        }
    }
}
