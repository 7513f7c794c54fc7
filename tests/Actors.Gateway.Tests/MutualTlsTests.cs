using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Actors.Gateway.Configuration;
using Actors.Gateway.Hosting;
using Actors.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Gateway.Tests;

/// <summary>
/// With <c>Gateway:Tls:RequireClientCertificate</c>, the real Kestrel listener refuses a client without a certificate or
/// with one from another CA before any HTTP is spoken; a certificate from the configured CA gets through, and the bearer
/// token is still required on top.
/// </summary>
[Collection(GatewayClusterCollection.Name)]
public sealed class MutualTlsTests(GatewayClusterFixture cluster) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actors-gateway-tls", Guid.NewGuid().ToString("N"));
    private readonly X509Certificate2 _authority = TestCertificates.Authority("actors-test-ca");
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        using var server = TestCertificates.Server(_authority);
        TestCertificates.WritePem(server, Path.Combine(_directory, "server.pem"), Path.Combine(_directory, "server.key"));
        TestCertificates.WritePem(_authority, Path.Combine(_directory, "ca.pem"));
        _address = new Uri($"https://127.0.0.1:{FreePort.Next()}");

        var options = TestGateway.CreateOptions(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        options.Url = _address.ToString();
        options.Tls = new GatewayTlsOptions
        {
            CertificateFile = Path.Combine(_directory, "server.pem"),
            KeyFile = Path.Combine(_directory, "server.key"),
            RequireClientCertificate = true,
            ClientCaFile = Path.Combine(_directory, "ca.pem"),
        };

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel => GatewayKestrel.Configure(kestrel, options));
        builder.Services.AddActorsGateway(options);
        builder.Services.AddSingleton(cluster.Client);
        _app = builder.Build();
        _app.UseActorsGateway();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _authority.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_client_certificate_from_the_configured_CA_gets_through_and_still_needs_a_token()
    {
        using var certificate = TestCertificates.Client(_authority, "billing-service");
        using var http = Client(certificate);

        using var health = await http.GetAsync(new Uri(_address, "/healthz"));
        using var anonymous = await http.GetAsync(new Uri(_address, "/v1/accounts/a1/balance"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_client_without_a_certificate_is_refused()
    {
        using var http = Client(certificate: null);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri(_address, "/healthz")));
    }

    [Fact]
    public async Task A_client_certificate_from_another_CA_is_refused()
    {
        using var rogueAuthority = TestCertificates.Authority("rogue-ca");
        using var certificate = TestCertificates.Client(rogueAuthority, "billing-service");
        using var http = Client(certificate);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(new Uri(_address, "/healthz")));
    }

    private HttpClient Client(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler();
        // Trust exactly the test CA for the server, as a client configured with the CA file would.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, _) =>
            server is not null && GatewayKestrel.ChainsTo(X509CertificateLoader.LoadCertificate(server.GetRawCertData()), _authority);
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }
        return new HttpClient(handler);
    }
}
