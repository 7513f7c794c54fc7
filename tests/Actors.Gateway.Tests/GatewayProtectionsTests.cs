using System.Net;
using System.Text;
using System.Text.Json;
using Actors.Gateway.Hosting;

namespace Actors.Gateway.Tests;

/// <summary>
/// <see cref="GatewayProtections"/>: the production composition runs authentication, validation and rate limiting; the
/// switched-off composition (the benchmark's baseline) skips exactly those three and nothing else.
/// </summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class GatewayProtectionsTests(GatewayClusterFixture cluster)
{
    private const string Tenant = "acme";
    private readonly string _account = "acct-" + Guid.NewGuid().ToString("N")[..12];

    // A bucket this small would refuse the third request of a burst if it were evaluated.
    private static void TinyBucket(Configuration.GatewayOptions options)
    {
        options.RateLimit.TokenLimit = 2;
        options.RateLimit.TokensPerPeriod = 1;
        options.RateLimit.ReplenishmentPeriod = TimeSpan.FromMinutes(10);
    }

    [Fact]
    public void Protections_are_all_on_unless_code_switches_them_off()
    {
        Assert.Equal(new GatewayProtections(Authentication: true, Validation: true, RateLimiting: true), new GatewayProtections());
        Assert.Equal(new GatewayProtections(), GatewayProtections.All);
        Assert.False(GatewayProtections.None.Authentication || GatewayProtections.None.Validation || GatewayProtections.None.RateLimiting);
    }

    [Fact]
    public async Task The_default_composition_requires_a_token_validates_and_rate_limits()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client, TinyBucket);
        Assert.Equal(GatewayProtections.All, gateway.Service<GatewayProtections>());
        var token = gateway.Token(Tenant, "billing:write read", subject: "default-composition");
        var unknownField = Envelopes.Batch(Envelopes.Payment(Tenant, _account, 1).Replace("\"seq\":", "\"colour\":\"red\",\"seq\":", StringComparison.Ordinal));

        using var anonymous = await gateway.PostJsonAsync("/v1/events", Envelopes.Batch(Envelopes.Payment(Tenant, _account, 1)), token: null);
        using var invalid = await gateway.PostJsonAsync("/v1/events", unknownField, token);
        using var second = await gateway.GetAsync($"/v1/accounts/{_account}/balance", token);
        using var third = await gateway.GetAsync($"/v1/accounts/{_account}/balance", token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("\"field\":\"events[0].colour\"", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(0, (await cluster.Client.Billing.GetBalanceAsync(Tenant, _account)).EventCount);
    }

    [Fact]
    public async Task Without_authentication_no_token_is_needed_and_the_tenant_comes_from_the_request()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client, protections: GatewayProtections.None);
        var batch = Envelopes.Batch(Envelopes.Payment(Tenant, _account, 1, amountMinor: 700), Envelopes.Usage(Tenant, _account, 1, quantity: 4));

        using var published = await gateway.PostJsonAsync("/v1/events", batch, token: null);
        using var noTenant = await gateway.GetAsync($"/v1/accounts/{_account}/balance", token: null);

        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noTenant.StatusCode);
        Assert.Contains("\"field\":\"tenant\"", await noTenant.Content.ReadAsStringAsync());
        var balance = await Eventually.MatchAsync(
            async () =>
            {
                using var response = await gateway.GetAsync($"/v1/accounts/{_account}/balance?tenant={Tenant}", token: null);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            },
            b => b.GetProperty("eventCount").GetInt64() == 2, TimeSpan.FromSeconds(15), "both events reaching the account");
        Assert.Equal(4, balance.GetProperty("usageByMeter").GetProperty("api-calls").GetInt64());
    }

    [Fact]
    public async Task Without_validation_the_gateway_passes_what_it_would_refuse_and_the_cluster_still_judges_values()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client, protections: GatewayProtections.None);
        // The gateway's schema check refuses an unknown field; unchecked parsing ignores it.
        var unknownField = Envelopes.Payment(Tenant, _account, 1).Replace("\"seq\":", "\"colour\":\"red\",\"seq\":", StringComparison.Ordinal);
        var zeroSeq = Envelopes.Payment(Tenant, _account, 2).Replace("\"seq\":2", "\"seq\":0", StringComparison.Ordinal);

        using var accepted = await gateway.PostJsonAsync("/v1/events", Envelopes.Batch(unknownField), token: null);
        using var refusedByCluster = await gateway.PostJsonAsync("/v1/events", Envelopes.Batch(zeroSeq), token: null);
        using var notEnvelopes = await gateway.PostJsonAsync("/v1/events", "{\"not\":\"an array\"}", token: null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refusedByCluster.StatusCode);
        Assert.Contains("seq", await refusedByCluster.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notEnvelopes.StatusCode);
        await Eventually.MatchAsync(() => cluster.Client.Billing.GetBalanceAsync(Tenant, _account),
            b => b.EventCount == 1, TimeSpan.FromSeconds(15), "the unchecked envelope reaching the account");
    }

    [Fact]
    public async Task Without_validation_the_body_limit_still_holds()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client, o => o.MaxBodyBytes = 1024, GatewayProtections.None);
        var many = Envelopes.Batch(Enumerable.Range(1, 20).Select(i => Envelopes.Payment(Tenant, _account, i)).ToArray());
        Assert.True(Encoding.UTF8.GetByteCount(many) > 1024);

        using var tooLarge = await gateway.PostJsonAsync("/v1/events", many, token: null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(0, (await cluster.Client.Billing.GetBalanceAsync(Tenant, _account)).EventCount);
    }

    [Fact]
    public async Task Without_rate_limiting_a_burst_beyond_the_bucket_is_served()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client, TinyBucket, GatewayProtections.None);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await gateway.GetAsync($"/v1/accounts/{_account}/balance?tenant={Tenant}", token: null);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Only_the_switched_off_protection_is_skipped()
    {
        // Validation and rate limiting off, authentication on: a token is still required and still scopes the tenant.
        await using var gateway = await TestGateway.StartAsync(cluster.Client, TinyBucket, new GatewayProtections(Authentication: true, Validation: false, RateLimiting: false));
        var token = gateway.Token(Tenant, "billing:write read", subject: "partly-protected");

        using var anonymous = await gateway.GetAsync($"/v1/accounts/{_account}/balance?tenant={Tenant}", token: null);
        using var crossTenant = await gateway.GetAsync($"/v1/accounts/{_account}/balance?tenant=globex", token);
        using var crossTenantEvent = await gateway.PostJsonAsync("/v1/events", Envelopes.Batch(Envelopes.Payment("globex", _account, 1)), token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossTenantEvent.StatusCode);
        Assert.Equal(0, (await cluster.Client.Billing.GetBalanceAsync("globex", _account)).EventCount);
    }
}
