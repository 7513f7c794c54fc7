using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Faults;

/// <summary>
/// Every grain call's database failure reaches the caller as <see cref="StoreFailure"/>'s typed error, with the original
/// logged here where an operator looks for it.
/// </summary>
internal sealed class StoreFailureCallFilter(ILogger<StoreFailureCallFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (StoreFailure.Translate(exception) is { } typed)
        {
            StoreFailureInstruments.Failed(typed);
            logger.LogWarning(exception, "{Grain}.{Method} failed on the database: {Reason}", context.TargetId, context.MethodName, typed.Message);
            throw typed;
        }
    }
}
