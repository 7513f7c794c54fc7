using System.Diagnostics;
using Actors.Client.Events;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;

namespace Actors.Cli.Commands;

/// <summary>
/// Publishes a validated list of envelopes in batches, several batches in flight at once, and tallies the receipts per
/// lane. Batches may complete out of file order; the design allows that (consumers accept gaps and reordering per
/// source), and it is what lets a file be published at the cluster's pace rather than one round trip at a time.
/// </summary>
public sealed class EventsBatchPublisher(EventsClient events, int batchSize, int concurrency)
{
    private int _published;

    /// <summary>Events the cluster has acknowledged so far; after a failure, at least this many are enqueued.</summary>
    public int Published => Volatile.Read(ref _published);

    /// <summary>Publishes <paramref name="envelopes"/> and reports each acknowledged batch's size to <paramref name="onBatchPublished"/>.</summary>
    /// <param name="file">Name of the input, for the summary.</param>
    /// <param name="envelopes">Every envelope of the input, already validated.</param>
    /// <param name="onBatchPublished">Called (possibly concurrently) with the size of each acknowledged batch.</param>
    /// <param name="cancellationToken">Stops publishing; batches already acknowledged stay enqueued.</param>
    /// <returns>Counts per lane, elapsed time and rate.</returns>
    /// <exception cref="InvalidEventException">when the cluster rejected a batch, naming the events (1-based, in input order) it held.</exception>
    public async Task<EventsPublishSummary> PublishAsync(
        string file,
        IReadOnlyList<EventEnvelope> envelopes,
        Action<int> onBatchPublished,
        CancellationToken cancellationToken)
    {
        var batches = (envelopes.Count + batchSize - 1) / batchSize;
        var lanes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var start = index * batchSize;
                var count = Math.Min(batchSize, envelopes.Count - start);
                var batch = new EventEnvelope[count];
                for (var i = 0; i < count; i++)
                {
                    batch[i] = envelopes[start + i];
                }

                IReadOnlyList<PublishReceipt> receipts;
                try
                {
                    receipts = await events.PublishBatchAsync(batch, token);
                }
                catch (InvalidEventException rejected)
                {
                    throw new InvalidEventException($"events {start + 1}-{start + count} (in input order) were rejected: {rejected.Message}");
                }

                lock (lanes)
                {
                    foreach (var receipt in receipts)
                    {
                        lanes[receipt.Lane] = lanes.GetValueOrDefault(receipt.Lane) + 1;
                    }
                }
                Interlocked.Add(ref _published, count);
                onBatchPublished(count);
            });
        watch.Stop();

        var seconds = watch.Elapsed.TotalSeconds;
        return new EventsPublishSummary(file, Published, batches, lanes, seconds, seconds > 0 ? Published / seconds : 0);
    }
}
