using Actors.Client;
using Actors.Contracts.Events;
using Actors.Domain.Lanes;
using Actors.Gateway.Configuration;
using Actors.Gateway.Hosting;
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
        GatewayProtections protections,
        EventBatchReader reader,
        ClusterCall cluster,
        ActorsClient client)
    {
        // Authentication first: an anonymous caller's body is not even read.
        var tenant = protections.Authentication ? CallerAccess.Tenant(http, scope: null) : null;
        var body = await RequestBody.ReadJsonAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);
        IReadOnlyList<EventEnvelope> envelopes;
        if (protections.Validation)
        {
            var events = reader.Read(body);
            envelopes = events.Select(e => e.Envelope).ToList();
            if (tenant is not null)
            {
                var caller = CallerIdentity.From(http.User);
                foreach (var validated in events)
                {
                    Authorize(caller, tenant, validated.Index, validated.Envelope, validated.Route);
                }
            }
        }
        else
        {
            envelopes = reader.ReadUnchecked(body);
            if (tenant is not null)
            {
                var caller = CallerIdentity.From(http.User);
                for (var i = 0; i < envelopes.Count; i++)
                {
                    // Without validation an unknown type is the cluster's to refuse, but which scope it needs cannot be known here.
                    var route = reader.TryRoute(envelopes[i].Type)
                        ?? throw CallerAccess.Forbidden($"events[{i}].type", $"events[{i}]: '{envelopes[i].Type}' is not a type any scope allows writing.");
                    Authorize(caller, tenant, i, envelopes[i], route);
                }
            }
        }

        // One bulk envelope makes the batch bulk: mixing in critical events must not let a flood skip the bulk pool. A type
        // no route knows (possible only without validation) counts as bulk, the class shed first.
        var traffic = envelopes.Any(e => reader.TryRoute(e.Type) is not { Lane: Lane.Critical }) ? TrafficClass.Bulk : TrafficClass.Critical;
        return await cluster.RunAsync(http, traffic, async cancellationToken =>
        {
            var receipts = await client.Events.PublishBatchAsync(envelopes, cancellationToken);
            return Results.Accepted(value: new { accepted = receipts.Count, receipts });
        });
    }

    private static void Authorize(CallerIdentity caller, string tenant, int index, EventEnvelope envelope, EventRoute route)
    {
        var path = $"events[{index}]";
        CallerAccess.RequireSameTenant(tenant, envelope.Tenant, $"{path}.tenant");
        var scope = GatewayScopes.ForEntityKind(route.EntityKind);
        if (!caller.Has(scope))
        {
            throw CallerAccess.Forbidden($"{path}.type", $"{path}: writing '{envelope.Type}' needs the '{scope}' scope.");
        }
    }
}
