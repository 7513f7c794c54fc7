using System.Net;
using System.Text.Json;
using Actors.Cli;

namespace Actors.Gateway.Tests;

/// <summary><c>actors token issue</c> mints tokens the gateway accepts, with exactly the tenant and scopes asked for.</summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class TokenCliTests(GatewayClusterFixture cluster) : IAsyncLifetime
{
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(cluster.Client);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_cli_token_is_accepted_for_its_scope_and_refused_beyond_it()
    {
        var keyFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(_gateway.CurrentKey) + "\n");
            var (exit, stdout, stderr) = await RunAsync("token", "issue", "--tenant", "acme", "--scopes", "read", "--ttl", "10m",
                "--key-file", keyFile, "--key-id", TestGateway.CurrentKeyId, "--issuer", TestGateway.Issuer, "--audience", TestGateway.Audience, "--json");

            Assert.True(exit == 0, stderr);
            using var issued = JsonDocument.Parse(stdout);
            var token = issued.RootElement.GetProperty("token").GetString()!;
            var expiresAt = issued.RootElement.GetProperty("expiresAt").GetDateTimeOffset();
            Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10.1));

            using var read = await _gateway.GetAsync("/v1/accounts/a1/balance", token);
            using var write = await _gateway.PostJsonAsync("/v1/events", Envelopes.Batch(Envelopes.Payment("acme", "a1", 1)), token);
            using var otherTenant = await _gateway.GetAsync("/v1/accounts/a1/balance?tenant=globex", token);

            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, otherTenant.StatusCode);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Theory]
    [InlineData("--key", "c2hvcnQ=")]
    [InlineData("--key", "not base64!")]
    [InlineData("--ttl", "forever")]
    public async Task Bad_arguments_are_usage_errors(string option, string value)
    {
        var args = new List<string> { "token", "issue", "--tenant", "acme", "--scopes", "read" };
        if (option != "--key")
        {
            args.AddRange(["--key", Convert.ToBase64String(_gateway.CurrentKey)]);
        }
        args.AddRange([option, value]);

        var (exit, stdout, stderr) = await RunAsync([.. args]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal("", stdout);
        Assert.NotEqual("", stderr);
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await ActorsCli.RunAsync(args, new CliContext(stdout, stderr, _ => null), CancellationToken.None);
        return (exit, stdout.ToString().Trim(), stderr.ToString());
    }
}
