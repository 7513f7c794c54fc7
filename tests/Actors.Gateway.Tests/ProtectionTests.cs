using System.Net;
using Actors.Gateway.Protection;

namespace Actors.Gateway.Tests;

/// <summary>Per-client rate limits (429 + Retry-After) and shedding: bulk is refused first while critical traffic still flows.</summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class ProtectionTests(GatewayClusterFixture cluster)
{
    private const string Tenant = "acme";
    private readonly string _account = "acct-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_client_over_its_bucket_gets_429_with_Retry_After_while_other_clients_do_not()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client, o =>
        {
            o.RateLimit.TokenLimit = 3;
            o.RateLimit.TokensPerPeriod = 1;
            o.RateLimit.ReplenishmentPeriod = TimeSpan.FromMinutes(10);
        });
        var greedy = gateway.Token(Tenant, "read", subject: "greedy");
        var other = gateway.Token(Tenant, "read", subject: "other");
        var path = $"/v1/accounts/{_account}/balance";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await gateway.GetAsync(path, greedy);
            statuses.Add(allowed.StatusCode);
        }
        using var limited = await gateway.GetAsync(path, greedy);
        using var otherClient = await gateway.GetAsync(path, other);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.True(limited.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task Under_overload_bulk_is_shed_with_503_while_critical_requests_succeed()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client, o =>
        {
            o.Shedding.BulkConcurrency = 2;
            o.Shedding.CriticalConcurrency = 2;
            o.Shedding.RetryAfterSeconds = 3;
        });
        var token = gateway.Token(Tenant, "billing:write security:write read");
        var shedder = gateway.Service<LoadShedder>();
        var before = await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account);

        // The bulk pool is full: these leases stand for bulk requests still waiting on a slow cluster.
        var inFlight = new[] { shedder.TryEnter(TrafficClass.Bulk), shedder.TryEnter(TrafficClass.Bulk) };
        Assert.All(inFlight, lease => Assert.True(lease.IsAcquired));
        HttpResponseMessage usage, telemetry, mixed, payment, read;
        try
        {
            usage = await gateway.PostJsonAsync("/v1/events", Envelopes.Batch(Envelopes.Usage(Tenant, _account, 1)), token);
            telemetry = await gateway.PostJsonAsync("/v1/events", Envelopes.Batch(Envelopes.Login(Tenant, "alice", 1)), token);
            mixed = await gateway.PostJsonAsync("/v1/events",
                Envelopes.Batch(Envelopes.Payment(Tenant, _account, 1), Envelopes.Usage(Tenant, _account, 2)), token);
            Assert.Equal(before, await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account));
            payment = await gateway.PostJsonAsync("/v1/events", Envelopes.Batch(Envelopes.Payment(Tenant, _account, 5)), token);
            read = await gateway.GetAsync($"/v1/accounts/{_account}/balance", token);
        }
        finally
        {
            foreach (var lease in inFlight)
            {
                lease.Dispose();
            }
        }
        using var afterwards = await gateway.PostJsonAsync("/v1/events", Envelopes.Batch(Envelopes.Usage(Tenant, _account, 3)), token);

        foreach (var shed in new[] { usage, telemetry, mixed })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, shed.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), shed.Headers.RetryAfter?.Delta);
        }
        Assert.Equal(HttpStatusCode.Accepted, payment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_saturated_critical_pool_sheds_critical_requests_too()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client, o => o.Shedding.CriticalConcurrency = 1);
        var token = gateway.Token(Tenant, "read");
        var shedder = gateway.Service<LoadShedder>();

        using (var held = shedder.TryEnter(TrafficClass.Critical))
        {
            Assert.True(held.IsAcquired);
            using var shed = await gateway.GetAsync($"/v1/accounts/{_account}/balance", token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, shed.StatusCode);
        }
        using var served = await gateway.GetAsync($"/v1/accounts/{_account}/balance", token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
