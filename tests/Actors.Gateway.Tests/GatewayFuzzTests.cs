using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Actors.Gateway.Tests;

/// <summary>
/// A seeded fuzz of 10,000 malformed or hostile requests: every answer is a 4xx (never a 5xx), the gateway still serves a
/// valid request afterwards, and nothing was written — the probe account and the lanes are exactly as before.
/// </summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class GatewayFuzzTests(GatewayClusterFixture cluster)
{
    private const int Requests = 10_000;
    private const int Seed = 20261127;
    private const string Tenant = "fuzz";
    private const int MaxBodyBytes = 8 * 1024;

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_only_4xx_and_write_nothing()
    {
        var account = "probe-" + Guid.NewGuid().ToString("N")[..8];
        await using var gateway = await TestGateway.StartAsync(cluster.Client, o => o.MaxBodyBytes = MaxBodyBytes);
        var writer = gateway.Token(Tenant, "billing:write inventory:write security:write read");
        var before = await LedgerProbe.TakeAsync(cluster.Client, Tenant, account);
        var requests = new HostileRequests(Seed, Tenant, account, writer, gateway.Token(Tenant, "read"), gateway.Token("other", "billing:write"), MaxBodyBytes);

        // Generated up front, in order, so the seed alone decides the requests; sent four at a time.
        var planned = Enumerable.Range(0, Requests).Select(i => (Index: i, Request: requests.Next())).ToList();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            using var response = await SendAsync(gateway, item.Request);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Enqueue($"#{item.Index} {(int)response.StatusCode} for {item.Request}: {await response.Content.ReadAsStringAsync()}");
            }
        });
        clock.Stop();

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"));
        Assert.True(failures.IsEmpty, $"seed {Seed}: answers outside 4xx ({summary}):\n{string.Join("\n", failures.Take(10))}");
        Assert.True(statuses.Count >= 6, $"the fuzz should provoke many different refusals, got {summary}");
        using var stillServing = await gateway.GetAsync($"/v1/accounts/{account}/balance", writer);
        Assert.Equal(HttpStatusCode.OK, stillServing.StatusCode);
        Assert.Equal(before, await LedgerProbe.TakeAsync(cluster.Client, Tenant, account));
        Console.WriteLine($"gateway fuzz: {Requests} requests in {clock.Elapsed.TotalSeconds:0.0} s; {summary}");
    }

    private static async Task<HttpResponseMessage> SendAsync(TestGateway gateway, HostileRequest hostile)
    {
        using var request = new HttpRequestMessage(hostile.Method, hostile.Path);
        foreach (var authorization in hostile.Authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(hostile.Body);
            if (hostile.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
            }
        }
        foreach (var (name, value) in hostile.ExtraHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await gateway.Http.SendAsync(request);
    }
}
