using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Actors.IntegrationTests.Tls;

/// <summary>In the cluster profile /dashboard and /metrics need a configured user or API key; /healthz stays open.</summary>
[Collection(TlsClusterCollection.Name)]
public sealed class SiloHttpAuthenticationTests(TlsClusterFixture cluster) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private string Url(string path) => $"http://127.0.0.1:{cluster.Silos[0].HttpPort}{path}";

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/index.min.js")]
    [InlineData("/metrics")]
    [InlineData("/METRICS")]
    public async Task Protected_endpoints_answer_401_without_credentials(string path)
    {
        using var response = await _http.GetAsync(Url(path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    [Fact]
    public async Task The_dashboard_answers_200_to_a_configured_basic_user()
    {
        // The trailing slash matters: /dashboard redirects there, and HttpClient drops the Authorization header on redirects.
        using var response = await SendAsync("/dashboard/", Basic(TlsClusterFixture.HttpUser, TlsClusterFixture.HttpPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_answer_200_to_a_configured_api_key()
    {
        using var response = await SendAsync("/metrics", new AuthenticationHeaderValue("Bearer", TlsClusterFixture.ApiKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Basic", "wrong-password")]
    [InlineData("Basic", "unknown-user")]
    [InlineData("Basic", "not-base64")]
    [InlineData("Bearer", "wrong-key")]
    public async Task Wrong_credentials_answer_401(string scheme, string mistake)
    {
        var header = (scheme, mistake) switch
        {
            ("Basic", "wrong-password") => Basic(TlsClusterFixture.HttpUser, "guess"),
            ("Basic", "unknown-user") => Basic("mallory", TlsClusterFixture.HttpPassword),
            ("Basic", _) => new AuthenticationHeaderValue("Basic", "%%%not base64%%%"),
            _ => new AuthenticationHeaderValue("Bearer", TlsClusterFixture.ApiKey + "x"),
        };

        using var dashboard = await SendAsync("/dashboard/", header);
        using var metrics = await SendAsync("/metrics", header);

        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
    }

    [Fact]
    public async Task Healthz_stays_open()
    {
        using var response = await _http.GetAsync(Url("/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
        request.Headers.Authorization = authorization;
        return await _http.SendAsync(request);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
