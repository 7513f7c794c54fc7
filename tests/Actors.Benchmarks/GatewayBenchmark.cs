using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Actors.Client;
using Actors.Client.Security;
using Actors.Gateway.Configuration;
using Actors.Gateway.Hosting;
using Actors.Testing;

namespace Actors.Benchmarks;

/// <summary>
/// Requests per second through the HTTP gateway (real Kestrel on loopback) into a local silo process, with
/// authentication, validation and rate limiting on against all three off, in the same run. Two gateways composed by the
/// production calls share the process, the cluster client and the silo; they differ only in the
/// <see cref="GatewayProtections"/> passed in code, and alternate inside every round, so the ratio measures what the
/// protections cost and nothing else. Every round writes a fresh tenant's accounts and checks the ledgers show it all.
/// </summary>
internal sealed class GatewayBenchmark(GatewayArguments arguments)
{
    /// <summary>The bucket is evaluated on every protected request but can never run dry within a run.</summary>
    public const int BucketTokens = 100_000_000;

    private const string Issuer = "actors-bench";
    private const string Audience = "actors-bench-gateway";
    private const string KeyId = "bench";
    private const string Meter = "api-calls";
    private const string At = "2030-01-01T12:00:00Z";

    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(120);

    public async Task<IReadOnlyList<GatewayRound>> RunAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("actors-gateway-bench-").FullName;
        try
        {
            int siloPort = FreePort.Next(), gatewayPort = FreePort.Next(), httpPort = FreePort.Next();
            progress($"starting a local silo (data {data})");
            await using var silo = await SiloProcess.StartAsync(data, siloPort, gatewayPort, httpPort, cancellationToken: cancellationToken);
            await using var client = await ActorsClient.ConnectAsync(
                new ActorsClientOptions { Profile = ClusterProfile.Local, GatewayPort = gatewayPort }, cancellationToken);

            var key = RandomNumberGenerator.GetBytes(DevelopmentTokens.MinimumKeyBytes);
            var options = Options(key);
            await using var protectedGateway = await GatewayInstance.StartAsync(client, options, GatewayProtections.All, cancellationToken);
            await using var openGateway = await GatewayInstance.StartAsync(client, options, GatewayProtections.None, cancellationToken);
            progress($"gateways: protected {protectedGateway.Address}, unprotected {openGateway.Address}");
            using var protectedHttp = HttpClientFor(protectedGateway);
            using var openHttp = HttpClientFor(openGateway);

            var rounds = new List<GatewayRound>();
            // Warm-up rounds (numbers below 1) are not reported: JIT, Kestrel's and the client's pools settle in them.
            for (var round = 1 - arguments.WarmupRounds; round <= arguments.Rounds; round++)
            {
                // Alternating which mode goes first keeps a drift within the round (a checkpoint, a GC) off one side.
                foreach (var isProtected in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    var result = await RunModeAsync(client, isProtected ? protectedHttp : openHttp, isProtected ? key : null, round, cancellationToken);
                    if (round >= 1)
                    {
                        rounds.Add(result);
                    }
                    progress(string.Format(CultureInfo.InvariantCulture, "{0}, {1}: {2:F0} requests/s (p50 {3:F2} ms, p99 {4:F2} ms), all {5} answered 202 and all {6} events on the ledgers",
                        round < 1 ? "warm-up" : $"round {round}/{arguments.Rounds}", Mode(isProtected), result.RequestsPerSecond, result.P50Milliseconds,
                        result.P99Milliseconds, result.Requests, result.Requests * arguments.BatchSize));
                }
            }
            return rounds;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    public static string Mode(bool isProtected) => isProtected ? "protected" : "unprotected";

    private GatewayOptions Options(byte[] key) => new()
    {
        Jwt =
        {
            Issuer = Issuer,
            Audience = Audience,
            SigningKeys = [new GatewaySigningKey { KeyId = KeyId, Key = Convert.ToBase64String(key) }],
        },
        RateLimit = { TokenLimit = BucketTokens, TokensPerPeriod = BucketTokens, ReplenishmentPeriod = TimeSpan.FromSeconds(1) },
        // Shedding is not one of the three protections compared; with no more in flight than the workers it never sheds.
        Shedding = { BulkConcurrency = Math.Max(64, arguments.Concurrency), CriticalConcurrency = Math.Max(256, arguments.Concurrency) },
    };

    private HttpClient HttpClientFor(GatewayInstance gateway) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = arguments.Concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = gateway.Address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private async Task<GatewayRound> RunModeAsync(ActorsClient client, HttpClient http, byte[]? key, int round, CancellationToken cancellationToken)
    {
        var isProtected = key is not null;
        var tenant = $"gw{round + 1_000}{(isProtected ? "p" : "u")}-{Guid.NewGuid():N}"[..20];
        var accounts = Enumerable.Range(0, arguments.Accounts).Select(a => $"acc-{a}").ToArray();
        var authorization = key is null ? null : new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.Issue(tenant, ["billing:write"], TimeSpan.FromHours(2), key, KeyId, Issuer, Audience, subject: "bench-client"));
        // Activation (snapshot read + empty replay) is a one-off per account; the benchmark measures steady requests.
        await Parallel.ForEachAsync(accounts, cancellationToken, async (account, ct) => await client.Billing.GetBalanceAsync(tenant, account, ct));

        var latencies = new LatencyRecorder();
        var refused = new ConcurrentQueue<string>();
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, arguments.Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < arguments.Requests)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "v1/events")
                {
                    Content = new StringContent(Batch(tenant, accounts[i % accounts.Length], i / accounts.Length), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = authorization;
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    refused.Enqueue($"request {i}: {(int)response.StatusCode} {body}");
                }
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        var seconds = stopwatch.Elapsed.TotalSeconds;

        if (!refused.IsEmpty)
        {
            throw new InvalidOperationException($"round {round}, {Mode(isProtected)}: {refused.Count} of {arguments.Requests} requests were not accepted, e.g. {refused.First()}");
        }
        // 202 means enqueued durably; a benchmark that measured requests whose events never landed would be worthless.
        await AwaitLedgersAsync(client, tenant, accounts, round, isProtected, cancellationToken);
        return new GatewayRound(round, isProtected, arguments.Requests, seconds, latencies.Percentile(50), latencies.Percentile(99));
    }

    private async Task AwaitLedgersAsync(ActorsClient client, string tenant, string[] accounts, int round, bool isProtected, CancellationToken cancellationToken)
    {
        var expected = (long)arguments.Requests * arguments.BatchSize;
        var deadline = DateTime.UtcNow + DrainDeadline;
        while (true)
        {
            var balances = await Task.WhenAll(accounts.Select(a => client.Billing.GetBalanceAsync(tenant, a, cancellationToken)));
            var events = balances.Sum(b => b.EventCount);
            var usage = balances.Sum(b => b.UsageByMeter.GetValueOrDefault(Meter));
            if (events == expected && usage == expected)
            {
                return;
            }
            if (events > expected || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"round {round}, {Mode(isProtected)}: the ledgers of {tenant} show {events} events and {usage} units of usage; {expected} of each were published.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken); // a poll until the lanes drained, bounded by the deadline above
        }
    }

    // Request k of an account carries that account's seqs k*B+1 .. k*B+B: unique keys, so every envelope is a new event.
    private string Batch(string tenant, string account, int k)
    {
        var text = new StringBuilder("[");
        for (var j = 1; j <= arguments.BatchSize; j++)
        {
            if (j > 1)
            {
                text.Append(',');
            }
            var seq = (long)k * arguments.BatchSize + j;
            text.Append(CultureInfo.InvariantCulture, $"{{\"tenant\":\"{tenant}\",\"entity\":\"{account}\",\"source\":\"meter-1\",\"seq\":{seq},")
                .Append(CultureInfo.InvariantCulture, $"\"type\":\"UsageRecorded\",\"occurredAt\":\"{At}\",")
                .Append(CultureInfo.InvariantCulture, $"\"payload\":{{\"meter\":\"{Meter}\",\"quantity\":1,\"unitPriceMinor\":2,\"currency\":\"USD\"}}}}");
        }
        return text.Append(']').ToString();
    }
}
