namespace Actors.Tests.Clusters;

/// <summary>
/// Awaits a condition on asynchronous effects (a lane delivers after the publish returned) by polling it until a deadline,
/// then fails with the last observed value. Never a fixed sleep.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> Until<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await observe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what} not reached within {timeout}; last observed: {last}");
            }
            await Task.Delay(PollInterval);
            last = await observe();
        }
        return last;
    }
}
