using System.Net;
using System.Text;

namespace Actors.Gateway.Tests;

/// <summary>Bad input is a 400 (or 413/415) problem+json naming the field, and nothing of the request is written.</summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class ValidationTests(GatewayClusterFixture cluster) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private readonly string _account = "acct-" + Guid.NewGuid().ToString("N")[..12];
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(cluster.Client, o => o.MaxBodyBytes = 4096);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private string Writer => _gateway.Token(Tenant, "billing:write inventory:write security:write read");

    [Theory]
    [InlineData("seq", "events[3].seq")]
    [InlineData("type", "events[3].type")]
    [InlineData("timestamp", "events[3].occurredAt")]
    [InlineData("payload", "events[3].payload")]
    [InlineData("entity", "events[3].entity")]
    [InlineData("unknown property", "events[3].color")]
    [InlineData("not an object", "events[3]")]
    [InlineData("no consumer", "events[3].type")]
    [InlineData("lone surrogate", "events[3]")]
    public async Task One_bad_envelope_rejects_the_batch_naming_its_field(string defect, string field)
    {
        var before = await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account);
        var good = Enumerable.Range(1, 3).Select(i => Envelopes.Payment(Tenant, _account, i)).ToArray();
        var bad = defect switch
        {
            "seq" => Envelopes.Payment(Tenant, _account, 0),
            "type" => Envelopes.Envelope(Tenant, _account, "payments", 4, "PaymentRecieved", """{"amountMinor":1,"currency":"USD"}"""),
            "timestamp" => Envelopes.Payment(Tenant, _account, 4).Replace(Envelopes.At, "2030-01-01T12:00:00"),
            "payload" => Envelopes.Envelope(Tenant, _account, "payments", 4, "PaymentReceived", "[1,2]"),
            "entity" => Envelopes.Payment(Tenant, "bad entity", 4),
            "unknown property" => Envelopes.Payment(Tenant, _account, 4).Replace("\"seq\"", "\"color\":\"red\",\"seq\""),
            "not an object" => "42",
            "lone surrogate" => Envelopes.Payment(Tenant, _account, 4).Replace("\"source\":\"payments\"", "\"source\":\"p\\ud800\""),
            "no consumer" => Envelopes.Envelope(Tenant, _account, "billing", 4, "InvoiceIssued", "{}"),
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, "unknown case"),
        };

        using var response = await _gateway.PostJsonAsync("/v1/events", Envelopes.Batch([.. good, bad]), Writer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account));
    }

    [Fact]
    public async Task A_payload_the_cluster_refuses_rejects_the_whole_batch()
    {
        var before = await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account);
        var batch = Envelopes.Batch(
            Envelopes.Payment(Tenant, _account, 1),
            Envelopes.Envelope(Tenant, _account, "payments", 2, "PaymentReceived", """{"amountMinor":"lots"}"""));

        using var response = await _gateway.PostJsonAsync("/v1/events", batch, Writer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"events[1].payload\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account));
    }

    [Fact]
    public async Task An_oversized_body_gets_413_and_a_non_json_body_415()
    {
        var before = await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account);
        var many = Envelopes.Batch(Enumerable.Range(1, 40).Select(i => Envelopes.Payment(Tenant, _account, i)).ToArray());
        Assert.True(Encoding.UTF8.GetByteCount(many) > 4096);

        using var tooLarge = await _gateway.PostJsonAsync("/v1/events", many, Writer);
        using var notJson = await _gateway.SendAsync(HttpMethod.Post, "/v1/events", Writer,
            new StringContent(Envelopes.Batch(Envelopes.Payment(Tenant, _account, 1)), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(before, await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account));
    }

    [Theory]
    [InlineData("""{"orderId":"o-1","region":"north","promiseDays":2,"lines":[{"sku":"s1","quantity":0}]}""", "lines[0].quantity")]
    [InlineData("""{"orderId":"o-1","region":"north","promiseDays":2,"lines":[{"sku":"s@1","quantity":1}]}""", "lines[0].sku")]
    [InlineData("""{"orderId":"o 1","region":"north","promiseDays":2,"lines":[{"sku":"s1","quantity":1}]}""", "orderId")]
    [InlineData("""{"orderId":"o-1","region":"north","promiseDays":"2","lines":[{"sku":"s1","quantity":1}]}""", "promiseDays")]
    [InlineData("""{"orderId":"o-1","region":"north","promiseDays":2,"lines":[]}""", "lines")]
    [InlineData("""{"orderId":"o-1","region":"north","promiseDays":2,"lines":[{"sku":"s1","quantity":1}],"rush":true}""", "rush")]
    public async Task A_bad_order_names_its_field(string order, string field)
    {
        using var response = await _gateway.PostJsonAsync("/v1/orders", order, Writer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/v1/accounts/bad%20id/balance", "id")]
    [InlineData("/v1/stock/sku-1", "location")]
    [InlineData("/v1/stock/sku@1?location=wh", "sku")]
    [InlineData("/v1/stock/sku-1?location=w%20h", "location")]
    [InlineData("/v1/cases/-x", "id")]
    public async Task A_bad_path_or_query_names_its_field(string path, string field)
    {
        using var response = await _gateway.GetAsync(path, Writer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync());
    }
}
