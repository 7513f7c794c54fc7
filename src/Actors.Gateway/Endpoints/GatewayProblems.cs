namespace Actors.Gateway.Endpoints;

/// <summary>Every error the gateway answers is RFC 9457 problem+json with a <c>field</c> extension when one field is to blame.</summary>
public static class GatewayProblems
{
    /// <summary>A problem result; sets <c>Retry-After</c> on <paramref name="http"/> when <paramref name="retryAfter"/> is given.</summary>
    public static IResult Create(HttpContext http, int status, string detail, string? field = null, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var extensions = new Dictionary<string, object?>();
        if (field is not null)
        {
            extensions["field"] = field;
        }
        return Results.Problem(detail: detail, statusCode: status, extensions: extensions);
    }
}
