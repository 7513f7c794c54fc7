using System.Net;
using Actors.Client.Security;
using Actors.Gateway.Configuration;
using Actors.Testing;
using Microsoft.Extensions.Configuration;

namespace Actors.Gateway.Tests;

/// <summary>The shipped configuration works as the README says, and a configuration that cannot work is refused at start-up.</summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class GatewayConfigurationTests(GatewayClusterFixture cluster)
{
    private static GatewayOptions Shipped(params (string Key, string? Value)[] overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryLayout.Root, "src", "Actors.Gateway", "appsettings.json"))
            .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)))
            .Build()
            .GetSection(GatewayOptions.Section)
            .Get<GatewayOptions>()!;

    [Fact]
    public async Task A_default_cli_token_signed_with_the_shipped_development_key_is_accepted()
    {
        var options = Shipped();
        options.Validate();
        Assert.Equal("http://localhost:8088", options.Url);
        var key = Convert.FromBase64String(options.Jwt.SigningKeys.Single(k => k.KeyId == DevelopmentTokens.DefaultKeyId).Key);
        await using var gateway = await TestGateway.StartAsync(cluster.Client, options, key, key);

        var token = DevelopmentTokens.Issue("acme", ["read"], TimeSpan.FromMinutes(5), key);
        using var response = await gateway.GetAsync("/v1/accounts/a1/balance", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Gateway:Jwt:SigningKeys:0:Key", "c2hvcnQ=", "at least 32")]
    [InlineData("Gateway:Jwt:SigningKeys:0:Key", "***", "not base64")]
    [InlineData("Gateway:Jwt:SigningKeys:0:KeyId", "", "KeyId is required")]
    [InlineData("Gateway:Jwt:Audience", "", "Audience is required")]
    [InlineData("Gateway:MaxEnvelopesPerRequest", "501", "MaxEnvelopesPerRequest")]
    [InlineData("Gateway:MaxBodyBytes", "0", "MaxBodyBytes")]
    [InlineData("Gateway:Shedding:BulkConcurrency", "0", "BulkConcurrency")]
    [InlineData("Gateway:RateLimit:TokenLimit", "0", "TokenLimit")]
    [InlineData("Gateway:Tls:RequireClientCertificate", "true", "needs Gateway:Tls:CertificateFile")]
    public void A_setting_that_cannot_work_is_refused_naming_it(string key, string value, string message)
    {
        var options = Shipped((key, value));

        var refused = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public void An_unknown_cluster_profile_is_refused()
    {
        var options = Shipped(("Gateway:Cluster:Profile", "mesh"));

        var refused = Assert.Throws<InvalidOperationException>(() => options.Cluster.ToClientOptions());

        Assert.Contains("'local' or 'cluster'", refused.Message);
    }
}
