using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Actors.Domain.Lanes;
using Actors.Gateway.Configuration;
using Actors.Gateway.Endpoints;
using Actors.Gateway.Protection;
using Actors.Gateway.Validation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Actors.Gateway.Hosting;

/// <summary>
/// Composes the gateway's services: JWT bearer authentication, per-client rate limiting, load shedding, validation and
/// problem details. The executable and the tests both call this, so tests run the production composition; the
/// <see cref="Actors.Client.ActorsClient"/> is registered by the caller (a connection in production, a test cluster's client in tests).
/// </summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds the gateway with <paramref name="options"/> (validated here).</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">The gateway's settings.</param>
    /// <param name="protections">
    /// Which protections run; null (the default) means all of them. Only code can switch one off (the benchmark's
    /// unprotected baseline), never configuration. <see cref="GatewayApplicationExtensions.UseActorsGateway"/> reads the same value.
    /// </param>
    /// <exception cref="InvalidOperationException">naming the first setting that cannot work.</exception>
    public static IServiceCollection AddActorsGateway(this IServiceCollection services, GatewayOptions options, GatewayProtections? protections = null)
    {
        options.Validate();
        protections ??= GatewayProtections.All;
        services.AddSingleton(protections);
        services.AddSingleton(options);
        services.AddSingleton(options.Shedding);
        services.AddSingleton(new EventRoutingTable(options.Routing));
        services.AddSingleton(sp => new EventBatchReader(sp.GetRequiredService<EventRoutingTable>(), options.MaxEnvelopesPerRequest));
        services.AddSingleton<LoadShedder>();
        services.AddSingleton<ClusterCall>();

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(openApi =>
        {
            if (protections.Authentication)
            {
                openApi.AddDocumentTransformer<BearerSecurityDocumentTransformer>();
            }
        });

        var keys = options.Jwt.DecodedKeys()
            .Select(k => new SymmetricSecurityKey(k.Key) { KeyId = k.KeyId })
            .ToList();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            // Claims stay as issued (sub, tenant, scope) instead of being renamed to WS-* URIs.
            jwt.MapInboundClaims = false;
            jwt.RequireHttpsMetadata = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = options.Jwt.Issuer,
                ValidateAudience = true,
                ValidAudience = options.Jwt.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                IssuerSigningKeys = keys,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = options.Jwt.ClockSkew,
                NameClaimType = "sub",
            };
        });
        services.AddAuthorization();

        if (protections.RateLimiting)
        {
            AddRateLimiting(services, options.RateLimit);
        }
        return services;
    }

    private static void AddRateLimiting(IServiceCollection services, GatewayRateLimitOptions rate)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(ClientKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = rate.TokenLimit,
                    TokensPerPeriod = rate.TokensPerPeriod,
                    ReplenishmentPeriod = rate.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : rate.ReplenishmentPeriod;
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = "too many requests from this client; retry after the Retry-After interval." },
                });
            };
        });
    }

    // Authentication runs first, so a valid token's subject is the client; anything else is limited by its address.
    private static string ClientKey(HttpContext http) =>
        http.User.FindFirst("sub")?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "addr:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
