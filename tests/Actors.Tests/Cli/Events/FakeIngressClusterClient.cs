using System.Reflection;
using Actors.Contracts.Events;

namespace Actors.Tests.Cli.Events;

/// <summary>
/// An <see cref="IClusterClient"/> whose event ingress is an in-process stand-in, so the SDK's events client and the
/// CLI's publisher can be tested without a cluster. Everything except <c>GetGrain&lt;IEventIngressGrain&gt;(long)</c> is unsupported.
/// </summary>
public class FakeIngressClusterClient : DispatchProxy
{
    private ScriptedIngressGrain? _ingress;

    internal static IClusterClient For(ScriptedIngressGrain ingress)
    {
        var client = Create<IClusterClient, FakeIngressClusterClient>();
        ((FakeIngressClusterClient)(object)client)._ingress = ingress;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true }
            && targetMethod.GetGenericArguments()[0] == typeof(IEventIngressGrain)
            && args is [long key, ..])
        {
            _ingress!.Keys.Enqueue(key);
            return _ingress;
        }
        throw new NotSupportedException($"{targetMethod?.Name} is not part of the fake");
    }
}
