using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Fulfillment;
using Actors.Grains.Fulfillment;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>
/// Fulfillment's part of the silo: its settings (validated before the silo starts), the fulfillment network read from
/// <see cref="FulfillmentOptions.NetworkFile"/> at start-up, and where the grain reads stock from.
/// </summary>
internal static class FulfillmentHosting
{
    public static void AddActorsFulfillment(this IServiceCollection services, ActorsSiloOptions options)
    {
        var settings = options.Fulfillment;
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(nameof(FulfillmentOptions), typeof(FulfillmentOptions), problems);
        }
        services.AddSingleton(Options.Create(settings));
        // Read now, while the silo is being composed: a malformed network stops the start with the file and field named,
        // instead of surfacing on the first order.
        services.AddSingleton(LoadNetwork(settings.NetworkFile));
        // TryAdd: a host (a test) may register its own reader before or after AddActors; see IStockOfferReader.
        services.TryAddSingleton<IStockOfferReader, StockGrainOfferReader>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, FulfillmentWarmUp>();
    }

    /// <summary>
    /// Reads the network file: an absolute path as is; a relative one from the working directory, else from the
    /// application's folder (where a published silo keeps its copy of <c>cluster-config/</c>), like the price plans.
    /// A missing file leaves the silo without fulfillment (orders fail saying where the file was looked for); a malformed
    /// one throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">when the file is malformed; the message names the file and the field.</exception>
    private static ConfiguredFulfillmentNetwork LoadNetwork(string configured)
    {
        var candidates = Path.IsPathRooted(configured)
            ? new[] { Path.GetFullPath(configured) }
            : [Path.GetFullPath(configured), Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configured))];
        var file = candidates.Distinct(StringComparer.Ordinal).FirstOrDefault(File.Exists);
        if (file is null)
        {
            return ConfiguredFulfillmentNetwork.Missing(configured,
                $"no fulfillment network file: '{configured}' exists neither at {string.Join(" nor at ", candidates.Distinct(StringComparer.Ordinal))}; set Actors:Fulfillment:NetworkFile.");
        }
        FulfillmentNetwork network;
        try
        {
            network = FulfillmentNetworkJson.Parse(File.ReadAllText(file));
        }
        catch (FormatException invalid)
        {
            throw new InvalidOperationException($"fulfillment network file {file} is invalid: {invalid.Message}", invalid);
        }
        for (var i = 0; i < network.Locations.Count; i++)
        {
            // Location ids become part of stock grain keys and reservation ids, so they follow the key rules.
            try
            {
                EntityKey.Validate("id", network.Locations[i].Id);
            }
            catch (InvalidEventException invalid)
            {
                throw new InvalidOperationException($"fulfillment network file {file} is invalid: locations[{i}].{invalid.Message}", invalid);
            }
        }
        return ConfiguredFulfillmentNetwork.Loaded(network, file);
    }
}
