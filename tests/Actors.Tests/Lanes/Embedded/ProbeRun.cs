using System.Collections.Concurrent;
using Actors.Contracts.Events;
using Actors.Streaming.Lanes;

namespace Actors.Tests.Lanes.Embedded;

/// <summary>
/// One test's view of the probe grains: what they received, how often each envelope was attempted, and the script they
/// follow (fail this, work that long). A run is its own tenant, so runs of parallel tests never see each other's events,
/// and it outlives clusters, so a test can compare what one cluster received with what the next one did.
/// </summary>
public sealed class ProbeRun : IDisposable
{
    private static readonly ConcurrentDictionary<string, ProbeRun> Runs = new();
    private static readonly DateTimeOffset At = new(2026, 11, 1, 12, 0, 0, TimeSpan.FromHours(2));
    private long _deliveries;

    private ProbeRun(string tenant) => Tenant = tenant;

    public string Tenant { get; }

    /// <summary>Envelopes the probes took in successfully, in the order they did.</summary>
    public ConcurrentQueue<ProbeDelivery> Deliveries { get; } = new();

    /// <summary>Delivery attempts per (lane, entity, seq), failed ones included.</summary>
    public ConcurrentDictionary<(string Lane, string Entity, long Seq), int> Attempts { get; } = new();

    /// <summary>Which deliveries the probe fails (throws on); none by default.</summary>
    public Func<string, EventEnvelope, bool> Fails { get; set; } = (_, _) => false;

    /// <summary>How long the probe works on each <c>bulk</c> envelope (simulated I/O of a consumer).</summary>
    public TimeSpan BulkWork { get; set; } = TimeSpan.Zero;

    public static ProbeRun Start()
    {
        var run = new ProbeRun($"probe-{Guid.NewGuid():N}");
        Runs[run.Tenant] = run;
        return run;
    }

    public static ProbeRun Of(string tenant) =>
        Runs.TryGetValue(tenant, out var run) ? run : throw new InvalidOperationException($"No probe run for tenant '{tenant}'.");

    public EventEnvelope Envelope(string entity, long seq) =>
        new(Tenant, entity, "probe", seq, "probe.recorded", At.AddSeconds(seq), $$"""{"entity":"{{entity}}","seq":{{seq}}}""");

    /// <summary>The stream key an ingress would use: one stream per (tenant, entity).</summary>
    public string StreamKey(string entity) => $"{Tenant}/{entity}";

    public int Received(string lane) => Deliveries.Count(d => d.Lane == lane);

    public int AttemptsOf(string lane, string entity, long seq) => Attempts.GetValueOrDefault((lane, entity, seq));

    /// <summary>What the probe grain does with one delivery.</summary>
    public async Task ReceiveAsync(string lane, EventEnvelope envelope)
    {
        Attempts.AddOrUpdate((lane, envelope.Entity, envelope.Seq), 1, (_, n) => n + 1);
        if (Fails(lane, envelope))
        {
            throw new InvalidOperationException($"probe told to fail {lane} {envelope.Entity}/{envelope.Seq}");
        }
        if (lane == LaneNames.Bulk && BulkWork > TimeSpan.Zero)
        {
            await Task.Delay(BulkWork);
        }
        Deliveries.Enqueue(new ProbeDelivery(lane, envelope, Interlocked.Increment(ref _deliveries)));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, or fails the test with <paramref name="describe"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {timeout}: {describe()}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, describe);

    public void Dispose() => Runs.TryRemove(Tenant, out _);
}
