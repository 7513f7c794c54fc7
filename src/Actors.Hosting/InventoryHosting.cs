using Actors.Grains.Inventory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Hosting;

/// <summary>Inventory's part of the silo: the sharding settings, validated before the silo starts.</summary>
internal static class InventoryHosting
{
    public static void AddActorsInventory(this IServiceCollection services, ActorsSiloOptions options)
    {
        if (options.Inventory.Problems() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(nameof(InventoryOptions), typeof(InventoryOptions), problems);
        }
        services.AddSingleton(Options.Create(options.Inventory));
    }
}
