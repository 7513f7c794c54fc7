using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Actors.Client;
using Actors.Client.Security;
using Actors.Gateway.Configuration;
using Actors.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Gateway.Tests;

/// <summary>
/// The gateway composed exactly as the executable composes it (<see cref="GatewayServiceCollectionExtensions.AddActorsGateway"/>,
/// <see cref="GatewayApplicationExtensions.UseActorsGateway"/>) on an in-memory TestServer, over a test cluster's client,
/// with two signing keys (a current and a previous one, as during a rotation).
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    public const string Issuer = "test-issuer";
    public const string Audience = "test-gateway";
    public const string CurrentKeyId = "k2";
    public const string PreviousKeyId = "k1";

    private readonly WebApplication _app;

    private TestGateway(WebApplication app, GatewayOptions options, byte[] currentKey, byte[] previousKey)
    {
        _app = app;
        Options = options;
        CurrentKey = currentKey;
        PreviousKey = previousKey;
        Http = app.GetTestClient();
    }

    public HttpClient Http { get; }

    public GatewayOptions Options { get; }

    public byte[] CurrentKey { get; }

    public byte[] PreviousKey { get; }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts a gateway over <paramref name="client"/>; <paramref name="configure"/> adjusts limits for the test;
    /// <paramref name="protections"/> (all on when null) is passed to <c>AddActorsGateway</c> as the benchmark does.
    /// </summary>
    public static async Task<TestGateway> StartAsync(ActorsClient client, Action<GatewayOptions>? configure = null, GatewayProtections? protections = null)
    {
        var currentKey = RandomNumberGenerator.GetBytes(32);
        var previousKey = RandomNumberGenerator.GetBytes(32);
        var options = CreateOptions(currentKey, previousKey);
        configure?.Invoke(options);
        return await StartAsync(client, options, currentKey, previousKey, protections);
    }

    /// <summary>Starts a gateway over <paramref name="client"/> with exactly <paramref name="options"/> (whose keys tests sign with).</summary>
    public static async Task<TestGateway> StartAsync(
        ActorsClient client, GatewayOptions options, byte[] currentKey, byte[] previousKey, GatewayProtections? protections = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (protections is null)
        {
            // The production call, exactly as the executable makes it.
            builder.Services.AddActorsGateway(options);
        }
        else
        {
            builder.Services.AddActorsGateway(options, protections);
        }
        builder.Services.AddSingleton(client);
        var app = builder.Build();
        app.UseActorsGateway();
        await app.StartAsync();
        return new TestGateway(app, options, currentKey, previousKey);
    }

    /// <summary>Gateway options with the test issuer, audience and the two keys, and limits generous enough never to interfere.</summary>
    public static GatewayOptions CreateOptions(byte[] currentKey, byte[] previousKey) => new()
    {
        Jwt =
        {
            Issuer = Issuer,
            Audience = Audience,
            SigningKeys =
            [
                new GatewaySigningKey { KeyId = PreviousKeyId, Key = Convert.ToBase64String(previousKey) },
                new GatewaySigningKey { KeyId = CurrentKeyId, Key = Convert.ToBase64String(currentKey) },
            ],
        },
        RateLimit = { TokenLimit = 1_000_000, TokensPerPeriod = 1_000_000 },
    };

    /// <summary>A valid token for <paramref name="tenant"/> with <paramref name="scopes"/> (space-separated), signed with the current key.</summary>
    public string Token(string tenant, string scopes, string? subject = null) =>
        DevelopmentTokens.Issue(tenant, scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), TimeSpan.FromHours(1), CurrentKey,
            CurrentKeyId, Issuer, Audience, subject);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string? token) =>
        SendAsync(HttpMethod.Post, path, token, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token, content: null);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
