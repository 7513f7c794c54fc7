using System.Reflection;
using Actors.Contracts.Billing;

namespace Actors.Tests.Cli;

/// <summary>
/// An <see cref="IClusterClient"/> whose account grains are in-process stand-ins, so the SDK and the CLI's demo
/// logic can be tested without a cluster. Everything except <c>GetGrain&lt;IAccountGrain&gt;(string)</c> is unsupported.
/// </summary>
public class FakeClusterClient : DispatchProxy
{
    private Func<string, IAccountGrain>? _accounts;

    internal static IClusterClient For(ScriptedAccountGrain grain) => For(key =>
        key == grain.Key ? grain : throw new InvalidOperationException($"asked for grain '{key}', scripted '{grain.Key}'"));

    internal static IClusterClient For(Func<string, IAccountGrain> accounts)
    {
        var client = Create<IClusterClient, FakeClusterClient>();
        ((FakeClusterClient)(object)client)._accounts = accounts;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true }
            && targetMethod.GetGenericArguments()[0] == typeof(IAccountGrain)
            && args is [string key, ..])
        {
            return _accounts!(key);
        }
        throw new NotSupportedException($"{targetMethod?.Name} is not part of the fake");
    }
}
