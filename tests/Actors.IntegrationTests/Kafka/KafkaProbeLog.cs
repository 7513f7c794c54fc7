using System.Collections.Concurrent;
using Actors.Contracts.Events;

namespace Actors.IntegrationTests.Kafka;

/// <summary>
/// What the probes of every in-process silo took, and which events they must refuse. Static because the silos of an
/// in-process test cluster share this process; every test uses its own tenant, so tests never see each other's events.
/// </summary>
public static class KafkaProbeLog
{
    private static readonly ConcurrentQueue<KafkaProbeDelivery> Deliveries = new();
    private static readonly ConcurrentDictionary<(string Tenant, string Entity, long Seq), int> RefusedAttempts = new();
    private static readonly ConcurrentDictionary<(string Tenant, string Entity, long Seq), TaskCompletionSource> Held = new();
    private static long _order;

    /// <summary>Makes every delivery of <c>(tenant, entity, seq)</c> throw, as a consumer with a permanent bug would.</summary>
    public static void RefuseAlways(string tenant, string entity, long seq) => RefusedAttempts[(tenant, entity, seq)] = 0;

    /// <summary>Makes the delivery of <c>(tenant, entity, seq)</c> wait, as a slow consumer would, until the returned source completes.</summary>
    public static TaskCompletionSource Hold(string tenant, string entity, long seq) =>
        Held.GetOrAdd((tenant, entity, seq), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>How many times a refused event was offered.</summary>
    public static int Attempts(string tenant, string entity, long seq) => RefusedAttempts.GetValueOrDefault((tenant, entity, seq));

    /// <summary>Everything taken for <paramref name="tenant"/>, in the order it was taken.</summary>
    public static IReadOnlyList<KafkaProbeDelivery> Of(string tenant) => Deliveries.Where(d => d.Tenant == tenant).ToList();

    /// <summary>A mark in the delivery order: deliveries after it have a larger <see cref="KafkaProbeDelivery.Order"/>.</summary>
    public static long Mark() => Interlocked.Read(ref _order);

    internal static async Task TakeAsync(string lane, EventEnvelope envelope, long offset)
    {
        var key = (envelope.Tenant, envelope.Entity, envelope.Seq);
        if (Held.TryGetValue(key, out var release))
        {
            await release.Task;
        }
        if (RefusedAttempts.ContainsKey(key))
        {
            RefusedAttempts.AddOrUpdate(key, 1, (_, attempts) => attempts + 1);
            throw new InvalidOperationException($"probe refuses {envelope.Tenant}/{envelope.Entity} seq {envelope.Seq}.");
        }
        Deliveries.Enqueue(new KafkaProbeDelivery(
            lane, envelope.Tenant, envelope.Entity, envelope.Seq, envelope.Type, envelope.Payload, offset, envelope.EnqueuedAt, Interlocked.Increment(ref _order)));
    }
}
