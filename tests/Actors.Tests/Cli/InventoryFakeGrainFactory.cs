using System.Reflection;

namespace Actors.Tests.Cli;

/// <summary>
/// An <see cref="IClusterClient"/> that hands out in-process stand-ins for string-keyed grains, by interface and key, so the
/// inventory and orders SDK clients can be tested without a cluster. Anything else is unsupported.
/// </summary>
public class InventoryFakeGrainFactory : DispatchProxy
{
    private IReadOnlyDictionary<(Type, string), object> _grains = new Dictionary<(Type, string), object>();

    internal static IClusterClient For(params (Type Interface, string Key, object Grain)[] grains)
    {
        var client = Create<IClusterClient, InventoryFakeGrainFactory>();
        ((InventoryFakeGrainFactory)(object)client)._grains = grains.ToDictionary(g => (g.Interface, g.Key), g => g.Grain);
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true } && args is [string key, ..])
        {
            var type = targetMethod.GetGenericArguments()[0];
            return _grains.TryGetValue((type, key), out var grain)
                ? grain
                : throw new InvalidOperationException($"asked for {type.Name} '{key}', which is not scripted");
        }
        throw new NotSupportedException($"{targetMethod?.Name} is not part of the fake");
    }
}
