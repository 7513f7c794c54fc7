using System.Text.RegularExpressions;
using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Gateway.Protection;

namespace Actors.Gateway.Endpoints;

/// <summary>
/// Runs one call to the cluster under the load shedder, and answers the cluster's typed errors as problems: bad input
/// 400, conflicts 409, missing 404, an unreachable cluster 503. Any other failure of the call (a silo without the
/// configuration the request needs, a timeout, a lost connection) is not the caller's fault either: it is logged in full
/// and answered 503 with a short reason, never with the cluster's internal message or a stack trace.
/// </summary>
public sealed partial class ClusterCall(LoadShedder shedder, ILogger<ClusterCall> logger)
{
    /// <summary>The detail of a 503 for a failure the cluster reported without a typed error.</summary>
    public const string FailedDetail =
        "the cluster could not serve this request: it is unavailable or not configured for it. Retry later; if it persists, tell the operator (quote the traceId).";

    /// <summary>The detail of a 503 for a call the cluster did not answer in time.</summary>
    public const string TimedOutDetail = "the cluster did not answer in time; retry later.";

    /// <summary>The detail of a 503 when the cluster's database refuses writes (read-only, full).</summary>
    public const string StoreRefusedDetail =
        "the cluster's database refuses writes; nothing was written. Retrying will not help until the operator fixes the database.";

    [GeneratedRegex(@"^envelope #(?<n>\d+):")]
    private static partial Regex EnvelopeNumber();

    /// <summary>Runs <paramref name="call"/> if <paramref name="traffic"/> has a free permit; 503 with Retry-After otherwise.</summary>
    public async Task<IResult> RunAsync(HttpContext http, TrafficClass traffic, Func<CancellationToken, Task<IResult>> call)
    {
        using var lease = shedder.TryEnter(traffic);
        if (!lease.IsAcquired)
        {
            return GatewayProblems.Create(http, StatusCodes.Status503ServiceUnavailable,
                $"the gateway is at its limit for {traffic.ToString().ToLowerInvariant()} traffic; retry later.", retryAfter: shedder.RetryAfter);
        }
        try
        {
            return await call(http.RequestAborted);
        }
        catch (InvalidEventException invalid)
        {
            // The ingress numbers envelopes from 1 ("envelope #3: ..."): name the same element the way the request does.
            var number = EnvelopeNumber().Match(invalid.Message);
            var field = number.Success && int.TryParse(number.Groups["n"].Value, out var n) ? $"events[{n - 1}].payload" : null;
            return GatewayProblems.Create(http, StatusCodes.Status400BadRequest, invalid.Message, field);
        }
        catch (NotFoundException missing)
        {
            return GatewayProblems.Create(http, StatusCodes.Status404NotFound, missing.Message);
        }
        catch (ActorsException refused) when (refused is ConflictException or InsufficientStockException or InvalidTransitionException)
        {
            return GatewayProblems.Create(http, StatusCodes.Status409Conflict, refused.Message);
        }
        catch (StoreRefusedException refused)
        {
            // Not the caller's fault and not worth an automatic retry: the database needs an operator. The reason (read-only,
            // disk full) goes to the log; the caller learns that nothing was written.
            logger.LogError(refused, "The cluster's database refused {Method} {Path}.", http.Request.Method, http.Request.Path);
            return GatewayProblems.Create(http, StatusCodes.Status503ServiceUnavailable, StoreRefusedDetail);
        }
        catch (ClusterUnavailableException unavailable)
        {
            return GatewayProblems.Create(http, StatusCodes.Status503ServiceUnavailable, unavailable.Message, retryAfter: shedder.RetryAfter);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: there is nobody to answer.
            throw;
        }
        catch (Exception failure)
        {
            // The message may name files, hosts or grain keys of the cluster: it goes to the log, the caller gets the gist.
            logger.LogError(failure, "The cluster failed {Method} {Path} (trace {TraceId}).", http.Request.Method, http.Request.Path,
                System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier);
            var detail = failure is TimeoutException ? TimedOutDetail : FailedDetail;
            return GatewayProblems.Create(http, StatusCodes.Status503ServiceUnavailable, detail, retryAfter: shedder.RetryAfter);
        }
    }
}
