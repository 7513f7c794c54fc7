using Actors.Contracts.Inventory;
using Actors.Domain.Inventory;
using Xunit.Sdk;

namespace Actors.Domain.Tests.Inventory.Simulation;

/// <summary>
/// Several shards of one SKU-location, each a <see cref="SimulatedStockGrain"/>, with units moved between them by the
/// three-step transfer (send, receive, complete) that the rebalancer drives, interleaved with receipts, reservations,
/// settlements, crashes (including one right after a step was appended) and repeated steps. After every step each shard
/// keeps its own invariants, and across shards nothing is promised that was not received; once every transfer is
/// completed the shards' books add up to what was received exactly.
/// </summary>
public sealed class ShardedStockSimulationTests
{
    private const int Shards = 3;
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Transfers_between_shards_never_create_or_lose_units(int seed)
    {
        var random = new Random(seed);
        var shards = Enumerable.Range(0, Shards).Select(_ => new SimulatedStockGrain(maxIntervals: 8)).ToArray();
        var open = new List<(string Id, int From, int To, StockBucket Bucket, long Quantity, bool Received)>();
        long received = 0, receiptSeq = 0, transfers = 0, reservations = 0;
        var now = Start;

        for (var step = 0; step < 400; step++)
        {
            now = now.AddSeconds(random.Next(0, 3));
            var shard = random.Next(Shards);
            var grain = shards[shard];
            switch (random.Next(10))
            {
                case 0:
                    var quantity = random.Next(1, 20);
                    Accept(grain.Record(new StockReceived { Source = "wms", Seq = ++receiptSeq, OccurredAt = now, Quantity = quantity }, () => { }));
                    received += quantity;
                    break;
                case 1 or 2:
                    if (grain.Commit(StockDecider.Decide(grain.State, new ReserveStock($"r{step}", random.Next(1, 4), TimeSpan.FromSeconds(random.Next(1, 30)), now))) is StockAccepted)
                    {
                        reservations++;
                    }
                    break;
                case 3:
                    if (grain.State.Reservations.Keys.OrderBy(_ => random.Next()).FirstOrDefault() is { } id)
                    {
                        grain.Commit(random.Next(2) == 0
                            ? StockDecider.Decide(grain.State, new ConfirmReservation(id, now))
                            : StockDecider.Decide(grain.State, new ReleaseReservation(id, now)));
                    }
                    break;
                case 4:
                    grain.Commit(StockDecider.Decide(grain.State, new ExpireReservations(now)));
                    break;
                case 5:
                    var to = (shard + 1 + random.Next(Shards - 1)) % Shards;
                    var bucket = random.Next(4) == 0 ? StockBucket.Shipped : StockBucket.Available;
                    var amount = Math.Min(grain.State.Buckets[bucket], random.Next(1, 10));
                    var transferId = $"t{step}";
                    if (amount > 0 && grain.Commit(StockDecider.Decide(grain.State, new SendTransfer(transferId, to, bucket, amount, now))) is StockAccepted)
                    {
                        open.Add((transferId, shard, to, bucket, amount, Received: false));
                        transfers++;
                    }
                    break;
                case 6 or 7:
                    if (open.Count > 0)
                    {
                        var index = random.Next(open.Count);
                        var t = open[index];
                        // Steps are repeated at random, as a rebalancer retrying after a timeout would: the repeat is a duplicate.
                        var repeat = random.Next(4) == 0;
                        if (!t.Received)
                        {
                            Accept(shards[t.To].Commit(StockDecider.Decide(shards[t.To].State, new ReceiveTransfer(t.Id, t.From, t.Bucket, t.Quantity, now))));
                            open[index] = t with { Received = true };
                            if (repeat)
                            {
                                AssertDuplicate(shards[t.To].Commit(StockDecider.Decide(shards[t.To].State, new ReceiveTransfer(t.Id, t.From, t.Bucket, t.Quantity, now))));
                            }
                        }
                        else
                        {
                            Accept(shards[t.From].Commit(StockDecider.Decide(shards[t.From].State, new CompleteTransfer(t.Id, now))));
                            open.RemoveAt(index);
                            if (repeat)
                            {
                                AssertDuplicate(shards[t.From].Commit(StockDecider.Decide(shards[t.From].State, new CompleteTransfer(t.Id, now))));
                            }
                        }
                    }
                    break;
                case 8:
                    if (random.Next(3) == 0)
                    {
                        grain.SaveSnapshot();
                    }
                    grain.Crash(fromSnapshot: random.Next(2) == 0);
                    break;
                default:
                    if (grain.State.Reservations.Values.FirstOrDefault(r => r.Status == ReservationStatus.Confirmed) is { } confirmed)
                    {
                        grain.Record(new ShipmentDispatched { Source = "ship", Seq = step + 1, OccurredAt = now, ReservationId = confirmed.Id }, () => { });
                    }
                    break;
            }
            Check(shards, received, $"seed {seed}, step {step}");
        }

        foreach (var t in open)
        {
            if (!t.Received)
            {
                Accept(shards[t.To].Commit(StockDecider.Decide(shards[t.To].State, new ReceiveTransfer(t.Id, t.From, t.Bucket, t.Quantity, now))));
            }
            Accept(shards[t.From].Commit(StockDecider.Decide(shards[t.From].State, new CompleteTransfer(t.Id, now))));
        }
        Check(shards, received, $"seed {seed}, after completing every transfer");
        Assert.Equal(received, shards.Sum(s => s.State.Buckets.Total));
        Assert.All(shards, s => Assert.Equal(0, s.State.Buckets.InTransit));
        Assert.True(transfers > 0 && reservations > 0 && received > 0, $"seed {seed} exercised nothing: {transfers} transfers, {reservations} reservations.");
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    private static void Check(SimulatedStockGrain[] shards, long received, string where)
    {
        foreach (var shard in shards)
        {
            if (StockInvariant.Check(shard.State) is { Count: > 0 } broken)
            {
                throw new XunitException($"{where}: a shard broke an invariant: {string.Join(" ", broken)}");
            }
        }
        var promised = shards.Sum(s => s.State.Buckets.Reserved + s.State.Buckets.Committed + s.State.Buckets.Shipped + s.State.Buckets.Damaged);
        var promisable = shards.Sum(s => s.State.Buckets.Available);
        if (promised + promisable > received)
        {
            throw new XunitException($"{where}: shards hold {promised} promised + {promisable} available units but only {received} were received.");
        }
        var counted = shards.Sum(s => s.State.Buckets.Total);
        if (counted < received)
        {
            throw new XunitException($"{where}: shards account for {counted} units (in transit included) but {received} were received: units were lost.");
        }
    }

    private static void Accept(StockDecision decision)
    {
        if (decision is not StockAccepted)
        {
            throw new XunitException($"expected the step to be accepted, got {decision}.");
        }
    }

    private static void AssertDuplicate(StockDecision decision)
    {
        if (decision is not StockDuplicate)
        {
            throw new XunitException($"expected a repeated step to be a duplicate, got {decision}.");
        }
    }
}
