using System.Net;
using System.Security.Cryptography;
using System.Text;
using Actors.Client.Security;

namespace Actors.Gateway.Tests;

/// <summary>
/// Every way a token can be wrong gets 401 or 403 and writes nothing; a valid token (signed with either the current or the
/// previous key of a rotation) has its effect.
/// </summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class AuthMatrixTests(GatewayClusterFixture cluster) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private readonly string _account = "acct-" + Guid.NewGuid().ToString("N")[..12];
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(cluster.Client);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("no token", HttpStatusCode.Unauthorized)]
    [InlineData("expired", HttpStatusCode.Unauthorized)]
    [InlineData("wrong signature", HttpStatusCode.Unauthorized)]
    [InlineData("unknown key id", HttpStatusCode.Unauthorized)]
    [InlineData("wrong audience", HttpStatusCode.Unauthorized)]
    [InlineData("wrong issuer", HttpStatusCode.Unauthorized)]
    [InlineData("unsigned", HttpStatusCode.Unauthorized)]
    [InlineData("garbage", HttpStatusCode.Unauthorized)]
    [InlineData("missing scope", HttpStatusCode.Forbidden)]
    [InlineData("wrong scope", HttpStatusCode.Forbidden)]
    [InlineData("cross-tenant envelope", HttpStatusCode.Forbidden)]
    [InlineData("cross-tenant in a mixed batch", HttpStatusCode.Forbidden)]
    public async Task A_refused_token_writes_nothing(string problem, HttpStatusCode expected)
    {
        var before = await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account);
        var payment = Envelopes.Payment(Tenant, _account, seq: 1);
        var (token, body) = problem switch
        {
            "no token" => (null, Envelopes.Batch(payment)),
            "expired" => (Token(now: DateTimeOffset.UtcNow.AddHours(-2)), Envelopes.Batch(payment)),
            "wrong signature" => (Token(key: RandomNumberGenerator.GetBytes(32)), Envelopes.Batch(payment)),
            "unknown key id" => (Token(key: RandomNumberGenerator.GetBytes(32), keyId: "k9"), Envelopes.Batch(payment)),
            "wrong audience" => (Token(audience: "someone-else"), Envelopes.Batch(payment)),
            "wrong issuer" => (Token(issuer: "someone-else"), Envelopes.Batch(payment)),
            "unsigned" => (Unsigned(), Envelopes.Batch(payment)),
            "garbage" => ("not.a.token", Envelopes.Batch(payment)),
            "missing scope" => (_gateway.Token(Tenant, "read"), Envelopes.Batch(payment)),
            "wrong scope" => (_gateway.Token(Tenant, "inventory:write security:write read"), Envelopes.Batch(payment)),
            "cross-tenant envelope" => (_gateway.Token("globex", "billing:write"), Envelopes.Batch(payment)),
            "cross-tenant in a mixed batch" => (_gateway.Token(Tenant, "billing:write"),
                Envelopes.Batch(payment, Envelopes.Payment("globex", _account, seq: 2))),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "unknown case"),
        };

        using var response = await _gateway.PostJsonAsync("/v1/events", body, token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await LedgerProbe.TakeAsync(cluster.Client, Tenant, _account));
    }

    [Theory]
    [InlineData(TestGateway.CurrentKeyId)]
    [InlineData(TestGateway.PreviousKeyId)]
    public async Task A_valid_token_signed_with_either_rotation_key_has_its_effect(string keyId)
    {
        var key = keyId == TestGateway.CurrentKeyId ? _gateway.CurrentKey : _gateway.PreviousKey;
        var token = DevelopmentTokens.Issue(Tenant, ["billing:write", "read"], TimeSpan.FromMinutes(5), key, keyId, TestGateway.Issuer, TestGateway.Audience);

        using var response = await _gateway.PostJsonAsync("/v1/events", Envelopes.Batch(Envelopes.Payment(Tenant, _account, seq: 1, amountMinor: 700)), token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("\"lane\":\"critical\"", await response.Content.ReadAsStringAsync());
        var balance = await Eventually.MatchAsync(() => cluster.Client.Billing.GetBalanceAsync(Tenant, _account), b => b.EventCount == 1,
            TimeSpan.FromSeconds(15), "the payment reaching the account");
        Assert.Equal(-700, balance.BalanceMinor["USD"]);
    }

    [Fact]
    public async Task Reads_need_the_read_scope_and_the_callers_own_tenant()
    {
        var path = $"/v1/accounts/{_account}/balance";

        using var noScope = await _gateway.GetAsync(path, _gateway.Token(Tenant, "billing:write"));
        using var otherTenant = await _gateway.GetAsync(path + "?tenant=globex", _gateway.Token(Tenant, "read"));
        using var anonymous = await _gateway.GetAsync(path, token: null);
        using var allowed = await _gateway.GetAsync(path + "?tenant=acme", _gateway.Token(Tenant, "read"));

        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        Assert.Contains("\"field\":\"tenant\"", await otherTenant.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("\"eventCount\":0", await allowed.Content.ReadAsStringAsync());
    }

    private string Token(
        DateTimeOffset? now = null, byte[]? key = null, string keyId = TestGateway.CurrentKeyId,
        string issuer = TestGateway.Issuer, string audience = TestGateway.Audience) =>
        DevelopmentTokens.Issue(Tenant, ["billing:write", "read"], TimeSpan.FromMinutes(5), key ?? _gateway.CurrentKey, keyId, issuer, audience, now: now);

    // alg "none": a token that claims everything and proves nothing.
    private static string Unsigned()
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Encode("""{"alg":"none","typ":"JWT"}""") + "." +
            Encode($$"""{"iss":"{{TestGateway.Issuer}}","aud":"{{TestGateway.Audience}}","sub":"x","tenant":"{{Tenant}}","scope":"billing:write","exp":{{exp}}}""") + ".";
    }
}
