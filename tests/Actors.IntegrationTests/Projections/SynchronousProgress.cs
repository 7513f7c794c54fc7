namespace Actors.IntegrationTests.Projections;

/// <summary>
/// Reports progress on the caller's thread; <see cref="Progress{T}"/> posts to the thread pool, so a test reading its
/// reports right after the call could miss the last ones.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
