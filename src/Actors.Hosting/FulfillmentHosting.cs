using Actors.Grains.Fulfillment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Hosting;

/// <summary>Fulfillment's part of the silo: its settings and the fulfillment network.</summary>
internal static class FulfillmentHosting
{
    public static void AddActorsFulfillment(this IServiceCollection services, ActorsSiloOptions options)
    {
        services.AddSingleton(Options.Create(options.Fulfillment));
    }
}
