using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;

namespace Actors.Hosting.Health;

/// <summary>Registers the health indicators of a silo.</summary>
public static class HealthHosting
{
    /// <summary>
    /// Registers <see cref="HealthOptions"/> (from <c>Actors:Health</c> of the host's configuration, unless a
    /// <see cref="HealthOptions"/> instance is registered) and the <see cref="SiloHealthMonitor"/>, which validates them
    /// when the silo starts.
    /// </summary>
    public static IServiceCollection AddActorsHealth(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => HealthOptions.FromConfiguration(sp.GetService<IConfiguration>()));
        services.AddSingleton<SiloHealthMonitor>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloHealthMonitor>());
        return services;
    }
}
