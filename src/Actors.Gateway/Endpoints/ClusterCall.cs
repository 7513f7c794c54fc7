using System.Text.RegularExpressions;
using Actors.Client;
using Actors.Contracts.Errors;
using Actors.Gateway.Protection;

namespace Actors.Gateway.Endpoints;

/// <summary>
/// Runs one call to the cluster under the load shedder, and answers the cluster's typed errors as problems: bad input
/// 400, conflicts 409, missing 404, an unreachable cluster 503. Anything else is a gateway bug and stays a 500.
/// </summary>
public sealed partial class ClusterCall(LoadShedder shedder)
{
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
        catch (ClusterUnavailableException unavailable)
        {
            return GatewayProblems.Create(http, StatusCodes.Status503ServiceUnavailable, unavailable.Message, retryAfter: shedder.RetryAfter);
        }
    }
}
