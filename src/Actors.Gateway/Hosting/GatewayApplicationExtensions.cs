using Actors.Gateway.Endpoints;

namespace Actors.Gateway.Hosting;

/// <summary>The gateway's middleware order and endpoints, shared by the executable and the tests.</summary>
public static class GatewayApplicationExtensions
{
    /// <summary>
    /// Adds the middleware (errors as problems, authentication, rate limiting, authorization) and maps the endpoints; a
    /// protection switched off in <see cref="GatewayProtections"/> (given to <c>AddActorsGateway</c>) is left out.
    /// </summary>
    public static WebApplication UseActorsGateway(this WebApplication app)
    {
        var protections = app.Services.GetRequiredService<GatewayProtections>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (protections.Authentication)
        {
            app.UseAuthentication();
        }
        if (protections.RateLimiting)
        {
            app.UseRateLimiter();
        }
        if (protections.Authentication)
        {
            app.UseAuthorization();
        }

        app.MapOpenApi();
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();

        var v1 = app.MapGroup("/v1").AddEndpointFilter<GatewayRequestFilter>();
        if (protections.Authentication)
        {
            v1.RequireAuthorization();
        }
        v1.MapPost("/events", EventsEndpoint.HandleAsync)
            .WithName("PublishEvents")
            .WithSummary("Publish a batch of event envelopes (all or nothing); the cluster routes each to its lane.");
        v1.MapGet("/accounts/{id}/balance", AccountsEndpoint.GetBalanceAsync)
            .WithName("GetAccountBalance")
            .WithSummary("An account's balance per currency and usage per meter.");
        v1.MapGet("/stock/{sku}", StockEndpoint.GetAvailabilityAsync)
            .WithName("GetStock")
            .WithSummary("A SKU's stock buckets at a location (?location=L).");
        v1.MapPost("/orders", OrdersEndpoint.PlaceAsync)
            .WithName("PlaceOrder")
            .WithSummary("Place an order; the order id is the idempotency key.");
        v1.MapGet("/cases/{id}", CasesEndpoint.GetAsync)
            .WithName("GetSecurityCase")
            .WithSummary("A security case at its latest change.");
        return app;
    }
}
