namespace Actors.IntegrationTests.Ledger;

/// <summary>
/// Upper bound for anything a ledger test awaits, so a writer that lost an append fails the test instead of hanging the run.
/// </summary>
internal static class TestTimeout
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static CancellationToken Token() => new CancellationTokenSource(Limit).Token;
}
