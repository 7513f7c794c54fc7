using Actors.Client;
using Actors.Contracts.Events;

namespace Actors.Cli.Demo;

/// <summary>
/// Floods the bulk lane with endpoint telemetry (logins, process starts, network connections over many principals and
/// hosts, all benign) while payments flow on the critical lane, and plants brute-force attacks at even points of the run:
/// <see cref="FailuresPerAttack"/> failed logins of a fresh principal, as the shipped <c>brute-force-login</c> rule looks for.
/// Each attack is measured from the publish call of its last failed login to the moment a client sees the security case
/// it opened, so the figure includes the bulk lane's queue, the detector, the alert's trip over the critical lane and the
/// case's durable writes.
/// </summary>
public sealed class TelemetryFlood(ActorsClient client, TelemetryFloodSettings settings)
{
    /// <summary>Failed logins per planted attack: the threshold of the shipped brute-force rule.</summary>
    public const int FailuresPerAttack = 5;

    /// <summary>The rule a planted attack must fire.</summary>
    public const string BruteForceRule = "brute-force-login";

    private static readonly TimeSpan TelemetryTick = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan DetectionPoll = TimeSpan.FromMilliseconds(20);
    private static readonly string[] BenignProcesses = ["chrome.exe", "outlook.exe", "svchost.exe", "code.exe", "teams.exe"];
    private static readonly int[] BenignPorts = [443, 80, 53];

    private long _seq;
    private int _telemetrySent;

    /// <summary>Runs for <paramref name="duration"/>, waits for the attacks' cases and the critical events, and measures.</summary>
    /// <param name="tenant">A tenant of its own, so the cases seen are this run's.</param>
    /// <param name="duration">How long to publish.</param>
    /// <param name="detectionTimeout">How long after its publish an attack's case may take before it counts as missed.</param>
    /// <param name="drainTimeout">How long to wait for the critical events to commit after publishing stopped.</param>
    /// <param name="onTick">Called about every second while publishing with (telemetry sent, attacks planted, attacks detected).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<TelemetryFloodResult> RunAsync(string tenant, TimeSpan duration, TimeSpan detectionTimeout, TimeSpan drainTimeout,
        Action<int, int, int>? onTick, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var payments = new LaneFlood(client, new LaneFloodSettings(settings.CriticalRate, BulkRate: 1, settings.Accounts))
            .RunAsync(tenant, flood: false, duration, drainTimeout, onTick: null, cancellationToken);
        var telemetry = Task.Run(() => PublishTelemetryAsync(tenant, stop.Token, cancellationToken), cancellationToken);
        var attacks = new List<Task<TelemetryFloodAttack>>();
        var planting = Task.Run(() => PlantAttacksAsync(tenant, startedAt, duration, detectionTimeout, attacks, cancellationToken), cancellationToken);

        using (var timer = new PeriodicTimer(TimeSpan.FromSeconds(1)))
        {
            while (await Tick(timer, stop.Token))
            {
                int planted, detected;
                lock (attacks)
                {
                    planted = attacks.Count;
                    detected = attacks.Count(a => a.IsCompletedSuccessfully && a.Result.Detected);
                }
                onTick?.Invoke(Volatile.Read(ref _telemetrySent), planted, detected);
            }
        }
        await Task.WhenAll(telemetry, planting);
        Task<TelemetryFloodAttack>[] all;
        lock (attacks)
        {
            all = [.. attacks];
        }
        var measured = await Task.WhenAll(all);
        var critical = await payments;
        return new TelemetryFloodResult(measured, critical, Volatile.Read(ref _telemetrySent), duration);
    }

    /// <summary>The principal of planted attack <paramref name="number"/> in a run.</summary>
    public static string AttackerOf(int number) => $"attacker-{number}";

    private async Task PlantAttacksAsync(string tenant, DateTimeOffset startedAt, TimeSpan duration, TimeSpan detectionTimeout,
        List<Task<TelemetryFloodAttack>> attacks, CancellationToken cancellationToken)
    {
        for (var number = 1; number <= settings.Attacks; number++)
        {
            // Evenly inside the flood, never at its edges: the point is detection while the bulk lane is busy.
            var due = startedAt + duration * number / (settings.Attacks + 1);
            var wait = due - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var attack = PlantAsync(tenant, number, detectionTimeout, cancellationToken);
            lock (attacks)
            {
                attacks.Add(attack);
            }
        }
    }

    private async Task<TelemetryFloodAttack> PlantAsync(string tenant, int number, TimeSpan detectionTimeout, CancellationToken cancellationToken)
    {
        var principal = AttackerOf(number);
        var host = "ws-" + principal;
        var now = DateTimeOffset.UtcNow;
        var failures = Enumerable.Range(0, FailuresPerAttack)
            .Select(i => Login(tenant, principal, host, Interlocked.Increment(ref _seq), now.AddMilliseconds(i), success: false))
            .ToList();
        await client.Events.PublishBatchAsync(failures[..^1], cancellationToken);
        var publishedAt = DateTimeOffset.UtcNow;
        await client.Events.PublishAsync(failures[^1], cancellationToken);
        Interlocked.Add(ref _telemetrySent, FailuresPerAttack);
        var detectedAt = await SeeCaseAsync(tenant, principal, publishedAt + detectionTimeout, cancellationToken);
        return new TelemetryFloodAttack(number, principal, publishedAt, detectedAt);
    }

    // Polls as a client would: the attack counts as detected when its case can be read, not when the detector decided.
    private async Task<DateTimeOffset?> SeeCaseAsync(string tenant, string principal, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(DetectionPoll);
        do
        {
            var cases = await client.Security.ListCasesAsync(tenant, status: null, max: 1000, cancellationToken);
            if (cases.Any(c => c.Principal == principal && c.Rules.Contains(BruteForceRule)))
            {
                return DateTimeOffset.UtcNow;
            }
        }
        while (DateTimeOffset.UtcNow < deadline && await timer.WaitForNextTickAsync(cancellationToken));
        return null;
    }

    private async Task PublishTelemetryAsync(string tenant, CancellationToken stop, CancellationToken cancellationToken)
    {
        var perTick = Math.Max(1, (int)(settings.TelemetryRate * TelemetryTick.TotalSeconds));
        var inFlight = new List<Task>();
        var next = 0L;
        using var timer = new PeriodicTimer(TelemetryTick);
        while (await Tick(timer, stop))
        {
            var batch = new List<EventEnvelope>(perTick);
            for (var i = 0; i < perTick; i++, next++)
            {
                batch.Add(Benign(tenant, next));
            }
            inFlight.Add(client.Events.PublishBatchAsync(batch, cancellationToken));
            Interlocked.Add(ref _telemetrySent, perTick);
            inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
        }
        await Task.WhenAll(inFlight);
    }

    // Benign by construction: logins succeed, processes are ordinary, and connections go to three ports (the port-scan rule
    // wants twenty distinct ones), so every case the run opens is a planted attack's.
    private EventEnvelope Benign(string tenant, long n)
    {
        var principal = $"user-{n % settings.Principals}";
        var host = $"ws-{n % settings.Hosts}";
        var seq = Interlocked.Increment(ref _seq);
        var at = DateTimeOffset.UtcNow;
        return (n % 20) switch
        {
            < 12 => Login(tenant, principal, host, seq, at, success: true),
            < 17 => new EventEnvelope(tenant, host, "edr", seq, "ProcessStarted", at,
                $$"""{"host":"{{host}}","principal":"{{principal}}","processName":"{{BenignProcesses[n % BenignProcesses.Length]}}"}"""),
            _ => new EventEnvelope(tenant, host, "edr", seq, "NetworkConnection", at,
                $$"""{"host":"{{host}}","principal":"{{principal}}","remoteAddress":"10.0.{{n % 250}}.{{n % 200 + 1}}","remotePort":{{BenignPorts[n % BenignPorts.Length]}},"direction":"outbound"}"""),
        };
    }

    // A login's detector bucket is its principal, as the brute-force rule groups by principal.
    private static EventEnvelope Login(string tenant, string principal, string host, long seq, DateTimeOffset at, bool success) =>
        new(tenant, principal, "idp", seq, "LoginAttempt", at,
            $$"""{"principal":"{{principal}}","host":"{{host}}","success":{{(success ? "true" : "false")}}}""");

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
}
