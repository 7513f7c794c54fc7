using Actors.Client;
using Actors.Domain.Lanes;
using Actors.Gateway.Configuration;
using Actors.Gateway.Protection;
using Actors.Gateway.Security;
using Actors.Gateway.Validation;

namespace Actors.Gateway.Endpoints;

/// <summary>
/// <c>POST /v1/events</c>: a JSON array of envelopes. Everything is checked first — shape, known type, the caller's tenant
/// on every envelope, the scope every type needs — and only then is the whole batch published in one call, which the
/// cluster's ingress admits all or nothing. Answers 202 with one receipt (lane) per envelope.
/// </summary>
public static class EventsEndpoint
{
    /// <summary>Handles one request.</summary>
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        GatewayOptions options,
        EventBatchReader reader,
        ClusterCall cluster,
        ActorsClient client)
    {
        var tenant = CallerAccess.Tenant(http, scope: null);
        var caller = CallerIdentity.From(http.User);
        var body = await RequestBody.ReadJsonAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);
        var events = reader.Read(body);

        var traffic = TrafficClass.Critical;
        foreach (var validated in events)
        {
            var path = $"events[{validated.Index}]";
            CallerAccess.RequireSameTenant(tenant, validated.Envelope.Tenant, $"{path}.tenant");
            var scope = GatewayScopes.ForEntityKind(validated.Route.EntityKind);
            if (!caller.Has(scope))
            {
                throw CallerAccess.Forbidden($"{path}.type", $"{path}: writing '{validated.Envelope.Type}' needs the '{scope}' scope.");
            }
            // One bulk envelope makes the batch bulk: mixing in critical events must not let a flood skip the bulk pool.
            if (validated.Route.Lane == Lane.Bulk)
            {
                traffic = TrafficClass.Bulk;
            }
        }

        var envelopes = events.Select(e => e.Envelope).ToList();
        return await cluster.RunAsync(http, traffic, async cancellationToken =>
        {
            var receipts = await client.Events.PublishBatchAsync(envelopes, cancellationToken);
            return Results.Accepted(value: new { accepted = receipts.Count, receipts });
        });
    }
}
