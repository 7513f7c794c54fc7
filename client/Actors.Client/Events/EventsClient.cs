using Actors.Client.Resilience;
using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Polly;

namespace Actors.Client.Events;

/// <summary>
/// Publishes events onto the cluster's lanes through its ingress (<see cref="IEventIngressGrain"/>). The cluster picks
/// the lane (<c>critical</c> or <c>bulk</c>) from the envelope's <see cref="EventEnvelope.Type"/>; a publish returns only
/// once the envelope is durably enqueued, and the event then takes effect exactly once even if a silo dies.
/// </summary>
/// <remarks>
/// Transient failures are retried with the very same envelopes: <c>(entity, source, seq)</c> is the idempotency key
/// and the consumers absorb duplicates, so a retry (or publishing a whole file again) never has a second effect.
/// Errors: <see cref="InvalidEventException"/> for malformed input (thrown before anything is sent when the SDK can
/// tell, e.g. a bad id or a payload that is not a JSON object; the cluster also rejects unknown event types), and
/// <see cref="ClusterUnavailableException"/> when the cluster still failed transiently after every retry.
/// </remarks>
public sealed class EventsClient
{
    /// <summary>
    /// Most envelopes sent in one call to the cluster. <see cref="PublishBatchAsync"/> splits larger inputs into chunks of
    /// this size; each chunk is validated and enqueued by the cluster as a unit (all of it or none of it).
    /// </summary>
    public const int MaxEnvelopesPerCall = 500;

    // The ingress is a stateless worker: every key reaches a local activation, so one fixed key is all a client needs.
    private const long IngressKey = 0;

    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;

    internal EventsClient(IGrainFactory grains, ResiliencePipeline retry, Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
    }

    /// <summary>
    /// Checks <paramref name="envelope"/> the way the cluster will, as far as a client can tell (the routing of
    /// <see cref="EventEnvelope.Type"/> and the payload's own fields are checked by the cluster), without sending anything.
    /// </summary>
    /// <param name="envelope">The envelope to check.</param>
    /// <exception cref="InvalidEventException">naming the first thing wrong.</exception>
    public static void Validate(EventEnvelope? envelope) => EventEnvelopeValidation.Validate(envelope);

    /// <summary>Publishes one envelope and returns once the cluster has durably enqueued it.</summary>
    /// <param name="envelope">The event; its <c>(Entity, Source, Seq)</c> is the idempotency key.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been enqueued.</param>
    /// <returns>The receipt, naming the lane the cluster chose.</returns>
    /// <exception cref="InvalidEventException">when the envelope is malformed or its type is unknown to the cluster; nothing was enqueued.</exception>
    /// <exception cref="ClusterUnavailableException">when the cluster did not answer after every retry.</exception>
    public Task<PublishReceipt> PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        Validate(envelope);
        return CallAsync(envelope, static (ingress, e) => ingress.Publish(e), cancellationToken);
    }

    /// <summary>
    /// Publishes <paramref name="envelopes"/> in order, in calls of at most <see cref="MaxEnvelopesPerCall"/>, and
    /// returns once all of them are durably enqueued. Every envelope is validated before the first call.
    /// </summary>
    /// <param name="envelopes">The events; each one's <c>(Entity, Source, Seq)</c> is its idempotency key.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); chunks already answered stay enqueued.</param>
    /// <returns>One receipt per envelope, in the order given.</returns>
    /// <exception cref="InvalidEventException">
    /// when an envelope is malformed (nothing was sent), or when the cluster rejected a chunk (nothing of that chunk was
    /// enqueued; earlier chunks were). Publishing the whole input again after fixing it is safe.
    /// </exception>
    /// <exception cref="ClusterUnavailableException">when the cluster did not answer after every retry; earlier chunks are enqueued.</exception>
    public async Task<IReadOnlyList<PublishReceipt>> PublishBatchAsync(
        IReadOnlyList<EventEnvelope> envelopes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        for (var i = 0; i < envelopes.Count; i++)
        {
            try
            {
                Validate(envelopes[i]);
            }
            catch (InvalidEventException invalid)
            {
                throw new InvalidEventException($"envelopes[{i}]: {invalid.Message}");
            }
        }

        var receipts = new List<PublishReceipt>(envelopes.Count);
        for (var start = 0; start < envelopes.Count; start += MaxEnvelopesPerCall)
        {
            // One list per chunk, built once, so every retry of the chunk sends exactly the same envelopes.
            var size = Math.Min(MaxEnvelopesPerCall, envelopes.Count - start);
            var chunk = new List<EventEnvelope>(size);
            for (var i = start; i < start + size; i++)
            {
                chunk.Add(envelopes[i]);
            }
            var answered = await CallAsync(chunk, static (ingress, c) => ingress.PublishBatch(c), cancellationToken).ConfigureAwait(false);
            if (answered.Count != chunk.Count)
            {
                throw new InvalidOperationException($"the cluster returned {answered.Count} receipt(s) for {chunk.Count} envelope(s).");
            }
            receipts.AddRange(answered);
        }
        return receipts;
    }

    /// <summary>Up to <paramref name="max"/> dead letters of <paramref name="lane"/> (<c>critical</c> | <c>bulk</c>), oldest first.</summary>
    /// <param name="lane">The lane whose DLQ to read.</param>
    /// <param name="max">How many at most, 1 to 10000.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The dead letters with their reasons.</returns>
    /// <exception cref="InvalidEventException">when the lane does not exist or the cluster has no lanes.</exception>
    public Task<List<DeadLetterInfo>> ListDeadLettersAsync(string lane, int max = 100, CancellationToken cancellationToken = default) =>
        CallAsync(_grains.GetGrain<ILaneAdminGrain>(IngressKey), (lane, max), static (admin, a) => admin.ListDeadLetters(a.lane, a.max), cancellationToken);

    /// <summary>
    /// Re-enqueues dead letters of <paramref name="lane"/>: the one with <paramref name="id"/>, or up to <paramref name="max"/>
    /// oldest. Safe to repeat: consumers deduplicate, so a replayed event takes effect at most once.
    /// </summary>
    /// <param name="lane">The lane whose DLQ to replay.</param>
    /// <param name="id">One dead letter's id, or null for the oldest <paramref name="max"/>.</param>
    /// <param name="max">How many at most, 1 to 10000.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>How many were re-enqueued and how many the ingress refused again (they stay in the DLQ).</returns>
    /// <exception cref="InvalidEventException">when the lane or id does not exist, or the cluster has no lanes.</exception>
    public Task<ReplayResult> ReplayDeadLettersAsync(string lane, long? id = null, int max = 100, CancellationToken cancellationToken = default) =>
        CallAsync(_grains.GetGrain<ILaneAdminGrain>(IngressKey), (lane, id, max), static (admin, a) => admin.ReplayDeadLetters(a.lane, a.id, a.max), cancellationToken);

    /// <summary>
    /// Every partition of both lanes, cluster-wide: lag, committed position, a delivered total that only grows (diff two
    /// readings for a rate) and the lane's dead-letter depth.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>One row per lane and partition.</returns>
    /// <exception cref="InvalidEventException">when the cluster has no lanes.</exception>
    public Task<List<LaneStatusRow>> GetLaneStatusAsync(CancellationToken cancellationToken = default) =>
        CallAsync(_grains.GetGrain<ILaneAdminGrain>(IngressKey), 0, static (admin, _) => admin.GetStatus(), cancellationToken);

    private Task<T> CallAsync<TArg, T>(TArg argument, Func<IEventIngressGrain, TArg, Task<T>> call, CancellationToken cancellationToken) =>
        CallAsync(_grains.GetGrain<IEventIngressGrain>(IngressKey), argument, call, cancellationToken);

    private Task<T> CallAsync<TGrain, TArg, T>(TGrain grain, TArg argument, Func<TGrain, TArg, Task<T>> call, CancellationToken cancellationToken) =>
        _call.InvokeAsync(grain, argument, call, cancellationToken);
}
