using Actors.Fulfillment;

namespace Actors.Grains.Fulfillment;

/// <summary>
/// The fulfillment network the silo loaded at start-up, or why it has none. A missing file does not stop the silo (its
/// other classes keep working); placing an order then fails with <see cref="Unavailable"/> as the explanation. A malformed
/// file does stop it, at start-up, with the file and field named.
/// </summary>
public sealed class ConfiguredFulfillmentNetwork
{
    private ConfiguredFulfillmentNetwork(FulfillmentNetwork? network, string source, string? unavailable)
    {
        Network = network;
        Source = source;
        Unavailable = unavailable;
    }

    /// <summary>The network, or null when no file was found.</summary>
    public FulfillmentNetwork? Network { get; }

    /// <summary>The file the network was read from, or the path that was configured when none was found.</summary>
    public string Source { get; }

    /// <summary>Why there is no network; null when there is one.</summary>
    public string? Unavailable { get; }

    /// <summary>A network read from <paramref name="file"/>.</summary>
    public static ConfiguredFulfillmentNetwork Loaded(FulfillmentNetwork network, string file)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new ConfiguredFulfillmentNetwork(network, file, null);
    }

    /// <summary>No network, because <paramref name="why"/>.</summary>
    public static ConfiguredFulfillmentNetwork Missing(string configured, string why) => new(null, configured, why);

    /// <summary>The network.</summary>
    /// <exception cref="InvalidOperationException">when the silo has none; the message says where it was looked for.</exception>
    public FulfillmentNetwork Require() =>
        Network ?? throw new InvalidOperationException($"Order fulfillment is unavailable on this silo: {Unavailable}");
}
