namespace Actors.IntegrationTests.Kafka;

/// <summary>Awaits a condition by polling it until a deadline, then fails naming what never happened.</summary>
internal static class KafkaEventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static Task Until(Func<bool> condition, string what, TimeSpan? limit = null) =>
        Until(() => Task.FromResult(condition()), () => what, limit);

    public static Task Until(Func<Task<bool>> condition, string what, TimeSpan? limit = null) =>
        Until(condition, () => what, limit);

    public static Task Until(Func<bool> condition, Func<string> what, TimeSpan? limit = null) =>
        Until(() => Task.FromResult(condition()), what, limit);

    /// <param name="condition">Polled until true.</param>
    /// <param name="what">Describes the awaited outcome on failure, with whatever was observed instead.</param>
    /// <param name="limit">The deadline; 30 seconds when not given.</param>
    public static async Task Until(Func<Task<bool>> condition, Func<string> what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? DefaultLimit);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not within {(limit ?? DefaultLimit).TotalSeconds:0} s: {what()}");
            }
            await Task.Delay(PollInterval);
        }
    }
}
