using System.Reflection;
using Actors.Contracts.Billing;

namespace Actors.Tests.Cli;

/// <summary>
/// An <see cref="IClusterClient"/> that hands out one scripted account grain, so the SDK's retry logic can be
/// tested without a cluster. Everything except <c>GetGrain&lt;IAccountGrain&gt;(string)</c> is unsupported.
/// </summary>
public class FakeClusterClient : DispatchProxy
{
    private ScriptedAccountGrain? _grain;

    internal static IClusterClient For(ScriptedAccountGrain grain)
    {
        var client = Create<IClusterClient, FakeClusterClient>();
        ((FakeClusterClient)(object)client)._grain = grain;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true }
            && targetMethod.GetGenericArguments()[0] == typeof(IAccountGrain)
            && args is [string key, ..])
        {
            if (key != _grain!.Key)
            {
                throw new InvalidOperationException($"asked for grain '{key}', scripted '{_grain.Key}'");
            }
            return _grain;
        }
        throw new NotSupportedException($"{targetMethod?.Name} is not part of the fake");
    }
}
