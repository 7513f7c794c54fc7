using Polly;

namespace Actors.Client.Resilience;

/// <summary>
/// Calls a grain through the SDK's retry pipeline: transient failures are retried with the same argument (so the same
/// idempotency key), and a transient failure that outlives every retry surfaces as <see cref="ClusterUnavailableException"/>.
/// Every typed client calls the cluster through this one place.
/// </summary>
internal sealed class RetryingGrainCall(ResiliencePipeline retry, Func<Exception, ClusterUnavailableException> unavailable)
{
    public async Task<T> InvokeAsync<TGrain, TArg, T>(TGrain grain, TArg argument, Func<TGrain, TArg, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await retry.ExecuteAsync(
                static async (state, token) => await state.call(state.grain, state.argument).WaitAsync(token).ConfigureAwait(false),
                (grain, argument, call),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TransientFailure.IsTransient(exception))
        {
            throw unavailable(exception);
        }
    }
}
