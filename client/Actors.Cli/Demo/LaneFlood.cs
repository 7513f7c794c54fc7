using System.Collections.Concurrent;
using Actors.Client;
using Actors.Contracts;
using Actors.Contracts.Events;

namespace Actors.Cli.Demo;

/// <summary>
/// Drives both lanes at once: critical payments at a steady rate and a bulk flood of usage, to the same accounts, through
/// the SDK. Afterwards it reads the accounts' ledgers and measures each critical event from its publish call to its ledger
/// commit, so the latency includes queueing, delivery and the durable append.
/// </summary>
public sealed class LaneFlood(ActorsClient client, LaneFloodSettings settings)
{
    private static readonly TimeSpan BulkTick = TimeSpan.FromMilliseconds(20);

    /// <summary>Runs for <paramref name="duration"/> (bulk only when <paramref name="flood"/>), waits for every critical event to commit, and measures.</summary>
    /// <param name="tenant">A tenant of its own, so runs never mix.</param>
    /// <param name="flood">Whether the bulk flood runs alongside the critical events.</param>
    /// <param name="duration">How long to publish.</param>
    /// <param name="drainTimeout">How long to wait for the critical events to commit after publishing stopped.</param>
    /// <param name="onTick">Called about every second while publishing with (critical sent, bulk sent).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<LaneFloodResult> RunAsync(string tenant, bool flood, TimeSpan duration, TimeSpan drainTimeout,
        Action<int, int>? onTick, CancellationToken cancellationToken)
    {
        // Activate every account first: a first event pays for activation, which is not what the lanes are measured for.
        await Parallel.ForEachAsync(Enumerable.Range(0, settings.Accounts), cancellationToken,
            async (a, ct) => await client.Billing.GetBalanceAsync(tenant, Account(a), ct));

        var published = new ConcurrentDictionary<(string Account, long Seq), DateTimeOffset>();
        var bulkSent = 0;
        var startedAt = DateTimeOffset.UtcNow;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);

        var critical = Task.Run(() => PublishCriticalAsync(tenant, published, stop.Token, cancellationToken), cancellationToken);
        var bulk = flood
            ? Task.Run(() => PublishBulkAsync(tenant, sent => Interlocked.Add(ref bulkSent, sent), stop.Token, cancellationToken), cancellationToken)
            : Task.CompletedTask;
        using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1)))
        {
            while (!critical.IsCompleted && await Tick(timer, stop.Token))
            {
                onTick?.Invoke(published.Count, Volatile.Read(ref bulkSent));
            }
        }
        await Task.WhenAll(critical, bulk);
        return await MeasureAsync(tenant, published, bulkSent, startedAt, drainTimeout, cancellationToken);
    }

    private static string Account(long index) => $"acc-{index}";

    private async Task PublishCriticalAsync(string tenant, ConcurrentDictionary<(string, long), DateTimeOffset> published, CancellationToken stop, CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / settings.CriticalRate));
        for (long n = 0; await Tick(timer, stop); n++)
        {
            var account = Account(n % settings.Accounts);
            var seq = n / settings.Accounts + 1;
            var at = DateTimeOffset.UtcNow;
            published[(account, seq)] = at;
            pending.Add(client.Events.PublishAsync(
                new EventEnvelope(tenant, account, "bank", seq, "PaymentReceived", at, """{"amountMinor":1,"currency":"USD"}"""), cancellationToken));
        }
        await Task.WhenAll(pending);
    }

    private async Task PublishBulkAsync(string tenant, Action<int> sent, CancellationToken stop, CancellationToken cancellationToken)
    {
        var perTick = Math.Max(1, (int)(settings.BulkRate * BulkTick.TotalSeconds));
        var nextSeq = new long[settings.Accounts];
        var next = 0;
        var inFlight = new List<Task>();
        using var timer = new PeriodicTimer(BulkTick);
        while (await Tick(timer, stop))
        {
            var batch = new List<EventEnvelope>(perTick);
            for (var i = 0; i < perTick; i++, next++)
            {
                var a = next % settings.Accounts;
                batch.Add(new EventEnvelope(tenant, Account(a), "meter", ++nextSeq[a], "UsageRecorded", DateTimeOffset.UtcNow,
                    """{"meter":"telemetry","quantity":1,"unitPriceMinor":1,"currency":"USD"}"""));
            }
            inFlight.Add(client.Events.PublishBatchAsync(batch, cancellationToken));
            sent(perTick);
            inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
        }
        await Task.WhenAll(inFlight);
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            // The run's time is up: publishing stops, measuring begins.
            return false;
        }
    }

    private async Task<LaneFloodResult> MeasureAsync(string tenant, ConcurrentDictionary<(string Account, long Seq), DateTimeOffset> published,
        int bulkSent, DateTimeOffset startedAt, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        var critical = new List<CriticalLatency>();
        var bulkCommitted = 0;
        var lastBulkCommit = startedAt;
        var deadline = DateTimeOffset.UtcNow + drainTimeout;
        for (var a = 0; a < settings.Accounts; a++)
        {
            var account = Account(a);
            var expected = published.Keys.Count(k => k.Account == account);
            IReadOnlyList<LedgerRecord> ledger;
            while (true)
            {
                ledger = await client.Billing.GetLedgerAsync(tenant, account, 1, 10_000, cancellationToken);
                if (ledger.Count(r => r.Type == "PaymentReceived") >= expected)
                {
                    break;
                }
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new TimeoutException($"{tenant}/{account}: critical events still not committed {drainTimeout} after the run.");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            foreach (var row in ledger)
            {
                if (row.Type == "PaymentReceived" && published.TryGetValue((account, row.Seq), out var at))
                {
                    critical.Add(new CriticalLatency(at, row.RecordedAt));
                }
                else if (row.Type == "UsageRecorded")
                {
                    bulkCommitted++;
                    lastBulkCommit = row.RecordedAt > lastBulkCommit ? row.RecordedAt : lastBulkCommit;
                }
            }
        }
        return new LaneFloodResult(startedAt, critical, bulkSent, bulkCommitted, lastBulkCommit);
    }
}
