using System.Net;
using System.Text.Json;

namespace Actors.Gateway.Tests;

/// <summary>The happy paths: each endpoint reaches the cluster and answers its data; the OpenAPI document is served.</summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class EndpointTests(GatewayClusterFixture cluster) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(cluster.Client);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private string Token => _gateway.Token(Tenant, "billing:write inventory:write security:write read");

    [Fact]
    public async Task Events_reach_their_lanes_and_the_balance_endpoint_shows_the_effect()
    {
        var account = "acct-" + _suffix;
        var batch = Envelopes.Batch(Envelopes.Payment(Tenant, account, 1, amountMinor: 300), Envelopes.Usage(Tenant, account, 1, quantity: 5));

        using var published = await _gateway.PostJsonAsync("/v1/events", batch, Token);

        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        using var receipts = JsonDocument.Parse(await published.Content.ReadAsStringAsync());
        Assert.Equal(2, receipts.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(["critical", "bulk"], receipts.RootElement.GetProperty("receipts").EnumerateArray().Select(r => r.GetProperty("lane").GetString()));

        var balance = await Eventually.MatchAsync(
            async () =>
            {
                using var response = await _gateway.GetAsync($"/v1/accounts/{account}/balance", Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            },
            b => b.GetProperty("eventCount").GetInt64() == 2,
            TimeSpan.FromSeconds(15), "both events reaching the account");
        Assert.Equal(5, balance.GetProperty("usageByMeter").GetProperty("api-calls").GetInt64());
    }

    [Fact]
    public async Task Stock_received_through_the_gateway_is_available_through_it()
    {
        var sku = "sku-" + _suffix;
        var received = Envelopes.Envelope(Tenant, $"{sku}@wh-north", "receiving", 1, "StockReceived", """{"quantity":12}""");

        using var published = await _gateway.PostJsonAsync("/v1/events", Envelopes.Batch(received), Token);

        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        var available = await Eventually.MatchAsync(
            async () =>
            {
                using var response = await _gateway.GetAsync($"/v1/stock/{sku}?location=wh-north", Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return json.RootElement.GetProperty("total").GetProperty("buckets").GetProperty("available").GetInt64();
            },
            a => a == 12, TimeSpan.FromSeconds(15), "the receipt reaching the stock");
        Assert.Equal(12, available);
    }

    [Fact]
    public async Task An_order_is_placed_and_placing_it_again_answers_the_same_decision()
    {
        var sku = "sku-" + _suffix;
        var received = Envelopes.Envelope(Tenant, $"{sku}@wh-north", "receiving", 1, "StockReceived", """{"quantity":5}""");
        using (var published = await _gateway.PostJsonAsync("/v1/events", Envelopes.Batch(received), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        }
        await Eventually.MatchAsync(() => cluster.Client.Inventory.GetAvailabilityAsync(Tenant, sku, "wh-north"),
            s => s.Total.Buckets.Available == 5, TimeSpan.FromSeconds(15), "the receipt reaching the stock");
        var order = $$"""{"orderId":"o-{{_suffix}}","region":"north","promiseDays":3,"lines":[{"sku":"{{sku}}","quantity":2}]}""";

        using var first = await _gateway.PostJsonAsync("/v1/orders", order, Token);
        using var again = await _gateway.PostJsonAsync("/v1/orders", order, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var decision = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal("Placed", decision.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var repeat = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.True(repeat.RootElement.GetProperty("duplicate").GetBoolean());
        var stock = await cluster.Client.Inventory.GetAvailabilityAsync(Tenant, sku, "wh-north");
        Assert.Equal(3, stock.Total.Buckets.Available);
    }

    [Fact]
    public async Task A_case_that_was_never_opened_is_404()
    {
        using var response = await _gateway.GetAsync($"/v1/cases/case-{_suffix}", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_opened_case_is_served_to_its_tenant_only()
    {
        var opened = await cluster.Client.Security.RaiseAlertAsync(Tenant, "edr-" + _suffix, 1, Contracts.Security.AlertSeverity.High,
            "failed-logins", principal: "alice@acme");

        using var response = await _gateway.GetAsync($"/v1/cases/{opened.CaseId}", Token);
        using var otherTenant = await _gateway.GetAsync($"/v1/cases/{opened.CaseId}", _gateway.Token("globex", "read"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(opened.CaseId, json.RootElement.GetProperty("caseId").GetString());
        Assert.Equal("Open", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("High", json.RootElement.GetProperty("severity").GetString());
        // Another tenant's token reads its own tenant's key space, where this case does not exist.
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint()
    {
        using var response = await _gateway.GetAsync("/openapi/v1.json", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        foreach (var path in new[] { "/v1/events", "/v1/accounts/{id}/balance", "/v1/stock/{sku}", "/v1/orders", "/v1/cases/{id}" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
    }

    [Fact]
    public async Task The_openapi_document_declares_the_jwt_bearer_scheme_and_requires_it_on_every_v1_operation()
    {
        using var response = await _gateway.GetAsync("/openapi/v1.json", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.Equal(5, operations.Count);
        Assert.All(operations, o => Assert.True(
            o.Operation.TryGetProperty("security", out var security)
                && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("Bearer", out _)),
            $"{o.Method} {o.Path} does not require the Bearer scheme"));
        var health = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name);
        Assert.DoesNotContain("/healthz", health);
    }
}
