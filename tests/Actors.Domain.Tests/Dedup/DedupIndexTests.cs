using System.Text.Json;
using Actors.Domain.Dedup;

namespace Actors.Domain.Tests.Dedup;

public sealed class DedupIndexTests
{
    [Fact]
    public void Sources_are_tracked_independently()
    {
        var index = new DedupIndex();

        index.Mark("billing-api", 1);
        index.Mark("meter-eu", 2);

        Assert.Equal(2, index.Count);
        Assert.Equal(DedupVerdict.Seen, index.Check("billing-api", 1));
        Assert.Equal(DedupVerdict.New, index.Check("meter-eu", 1));
        Assert.Equal(DedupVerdict.Seen, index.Check("meter-eu", 2));
        Assert.Equal(DedupVerdict.New, index.Check("import-job", 1));
        Assert.Null(index.Find("import-job"));
    }

    [Fact]
    public void Each_source_gets_the_index_bound()
    {
        var index = new DedupIndex(maxIntervals: 1);

        index.Mark("meter-eu", 3);
        index.Mark("meter-eu", 5);

        Assert.Equal(1, index.Find("meter-eu")!.MaxIntervals);
        Assert.Equal(DedupVerdict.Unknown, index.Check("meter-eu", 3));
    }

    [Fact]
    public void Snapshot_round_trips_through_json_exactly()
    {
        var index = new DedupIndex(maxIntervals: 2);
        foreach (var (source, seq) in new[] { ("zeta", 1L), ("alpha", 4L), ("alpha", 1L), ("zeta", 9L), ("alpha", 7L), ("alpha", 11L), ("mid", 2L) })
        {
            index.Mark(source, seq);
        }
        var json = JsonSerializer.Serialize(index.ToSnapshot());

        var restored = DedupIndex.FromSnapshot(JsonSerializer.Deserialize<DedupSnapshot>(json)!);

        Assert.Equal(json, JsonSerializer.Serialize(restored.ToSnapshot()));
        Assert.Equal(2, restored.MaxIntervals);
        Assert.Equal(3, restored.Count);
        foreach (var source in new[] { "alpha", "mid", "zeta", "other" })
        {
            for (long seq = 1; seq <= 12; seq++)
            {
                Assert.Equal(index.Check(source, seq), restored.Check(source, seq));
            }
        }
    }

    [Fact]
    public void Snapshot_lists_sources_in_ordinal_order_so_equal_indexes_serialise_identically()
    {
        var first = new DedupIndex();
        first.Mark("b", 1);
        first.Mark("a", 1);
        var second = new DedupIndex();
        second.Mark("a", 1);
        second.Mark("b", 1);

        Assert.Equal(["a", "b"], first.ToSnapshot().Sources.Keys);
        Assert.Equal(JsonSerializer.Serialize(first.ToSnapshot()), JsonSerializer.Serialize(second.ToSnapshot()));
    }
}
