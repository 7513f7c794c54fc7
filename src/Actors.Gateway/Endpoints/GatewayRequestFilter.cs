using Actors.Gateway.Validation;

namespace Actors.Gateway.Endpoints;

/// <summary>Turns a <see cref="GatewayRequestException"/> thrown by any check of an endpoint into its problem response.</summary>
public sealed class GatewayRequestFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (GatewayRequestException refused)
        {
            return GatewayProblems.Create(context.HttpContext, refused.Status, refused.Message, refused.Field);
        }
    }
}
