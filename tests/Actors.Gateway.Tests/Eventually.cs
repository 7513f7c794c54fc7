namespace Actors.Gateway.Tests;

/// <summary>Polls a condition until it holds or a deadline passes (lanes deliver asynchronously).</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {within.TotalSeconds} s (last value: {value}).");
            }
            await Task.Delay(20);
        }
    }
}
