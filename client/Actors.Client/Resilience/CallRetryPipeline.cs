using Polly;
using Polly.Retry;

namespace Actors.Client.Resilience;

/// <summary>Builds the retry pipeline every SDK call runs through.</summary>
internal static class CallRetryPipeline
{
    /// <summary>
    /// Exponential back-off with jitter, for <see cref="TransientFailure"/>s only. The caller passes the same event on
    /// every attempt, so the idempotency key is fixed and retries are answered as duplicates, never applied twice.
    /// </summary>
    public static ResiliencePipeline Create(ActorsRetryOptions options)
    {
        if (options.MaxRetryAttempts <= 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailure.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }
}
