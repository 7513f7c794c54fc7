using System.Globalization;
using System.Text.Json;

namespace Actors.Benchmarks;

/// <summary><c>gateway</c>: requests/s and latency through the HTTP gateway with its protections on against all off, in one run.</summary>
internal static class GatewayCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        GatewayArguments arguments;
        try
        {
            arguments = GatewayArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var rounds = await new GatewayBenchmark(arguments).RunAsync(message => Console.Error.WriteLine(message), CancellationToken.None);
        var modes = new[] { true, false }.Select(isProtected =>
        {
            var mine = rounds.Where(r => r.Protected == isProtected).ToList();
            return new
            {
                mode = GatewayBenchmark.Mode(isProtected),
                requests = arguments.Requests,
                requestsPerSecond = Median.Of(mine.Select(r => r.RequestsPerSecond)),
                p50Ms = Median.Of(mine.Select(r => r.P50Milliseconds)),
                p99Ms = Median.Of(mine.Select(r => r.P99Milliseconds)),
            };
        }).ToList();
        // Paired per round, as the two modes ran back to back under the same conditions.
        var ratio = Median.Of(rounds.Where(r => r.Protected)
            .Select(r => r.RequestsPerSecond / rounds.Single(o => o.Round == r.Round && !o.Protected).RequestsPerSecond));

        if (arguments.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                endpoint = "POST /v1/events",
                batch = arguments.BatchSize,
                concurrency = arguments.Concurrency,
                rounds = arguments.Rounds,
                warmup = arguments.WarmupRounds,
                rateLimitTokens = GatewayBenchmark.BucketTokens,
                modes,
                ratio,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(c,
            "gateway, local profile: {0:N0} requests of POST /v1/events ({1} billing usage envelopes each) over HTTP/1.1 on loopback (Kestrel), {2} in flight, {3} rounds after {4} warm-up alternating protected/unprotected (medians); "
            + "protected = JWT bearer authentication + scope/tenant checks, envelope validation, token-bucket rate limiting evaluated per request with a bucket of {5:N0} tokens (never the limit measured); "
            + "unprotected = all three off (body limit and shedding stay); every round checked all answered 202 and the ledgers hold every event",
            arguments.Requests, arguments.BatchSize, arguments.Concurrency, arguments.Rounds, arguments.WarmupRounds, GatewayBenchmark.BucketTokens));
        Console.WriteLine("| mode | requests | req/s (median) | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var m in modes)
        {
            Console.WriteLine(string.Format(c, "| {0} | {1:N0} | {2:F0} | {3:F2} | {4:F2} |", m.mode, m.requests, m.requestsPerSecond, m.p50Ms, m.p99Ms));
        }
        Console.WriteLine(string.Format(c, "ratio protected / unprotected (median of rounds): {0:F2} (target >= 0.7)", ratio));
        return 0;
    }
}
