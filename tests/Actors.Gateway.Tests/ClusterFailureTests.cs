using System.Net;
using System.Text.Json;
using Actors.Gateway.Endpoints;
using Actors.Gateway.Protection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace Actors.Gateway.Tests;

/// <summary>
/// A request the cluster fails for a reason that is not the caller's (a silo missing configuration, an unreachable or
/// slow cluster) is answered 503 problem+json with a short reason: never a bare 500, never the cluster's internal message.
/// </summary>
public sealed class ClusterFailureTests(UnconfiguredClusterFixture cluster) : IClassFixture<UnconfiguredClusterFixture>
{
    private const string Tenant = "acme";

    [Fact]
    public async Task An_order_on_a_silo_without_a_fulfillment_network_is_503_without_internal_details()
    {
        await using var gateway = await TestGateway.StartAsync(cluster.Client);
        var token = gateway.Token(Tenant, "inventory:write");
        var order = """{"orderId":"o-unconfigured","region":"north","promiseDays":3,"lines":[{"sku":"sku-1","quantity":1}]}""";

        using var response = await gateway.PostJsonAsync("/v1/orders", order, token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(ClusterCall.FailedDetail, problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(Path.GetFileName(cluster.MissingNetworkFile), body);
        Assert.DoesNotContain("network file", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    public static TheoryData<string> Failures => ["silo unavailable", "timeout", "invalid operation"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failure_without_a_typed_error_is_503_with_a_short_reason(string failure)
    {
        const string Internal = "grain acme/secret-key on 10.0.0.7:11111 failed reading /etc/actors/secret.json";
        Exception thrown = failure switch
        {
            "silo unavailable" => new SiloUnavailableException(Internal),
            "timeout" => new TimeoutException(Internal),
            "invalid operation" => new InvalidOperationException(Internal),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "unknown case"),
        };
        using var shedder = new LoadShedder(new Configuration.GatewaySheddingOptions());
        var call = new ClusterCall(shedder, NullLogger<ClusterCall>.Instance);
        var http = new DefaultHttpContext();

        var result = await call.RunAsync(http, TrafficClass.Critical, _ => Task.FromException<IResult>(thrown));

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Equal(failure == "timeout" ? ClusterCall.TimedOutDetail : ClusterCall.FailedDetail, problem.ProblemDetails.Detail);
        Assert.DoesNotContain(problem.ProblemDetails.Extensions.Values, v => v?.ToString()?.Contains("secret", StringComparison.Ordinal) == true);
        Assert.False(string.IsNullOrEmpty(http.Response.Headers.RetryAfter));
    }

    [Fact]
    public async Task A_database_that_refuses_writes_is_503_without_retry_after_and_without_its_reason()
    {
        using var shedder = new LoadShedder(new Configuration.GatewaySheddingOptions());
        var call = new ClusterCall(shedder, NullLogger<ClusterCall>.Instance);
        var http = new DefaultHttpContext();

        var result = await call.RunAsync(http, TrafficClass.Critical,
            _ => Task.FromException<IResult>(new Actors.Contracts.Errors.StoreRefusedException("PostgreSQL 25006: cannot execute INSERT in a read-only transaction on db secret")));

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Equal(ClusterCall.StoreRefusedDetail, problem.ProblemDetails.Detail);
        Assert.True(string.IsNullOrEmpty(http.Response.Headers.RetryAfter));
    }

    [Fact]
    public async Task A_caller_that_went_away_is_not_answered_as_a_cluster_failure()
    {
        using var shedder = new LoadShedder(new Configuration.GatewaySheddingOptions());
        var call = new ClusterCall(shedder, NullLogger<ClusterCall>.Instance);
        using var aborted = new CancellationTokenSource();
        var http = new DefaultHttpContext { RequestAborted = aborted.Token };
        await aborted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            call.RunAsync(http, TrafficClass.Critical, cancellationToken => Task.FromCanceled<IResult>(cancellationToken)));
    }
}
