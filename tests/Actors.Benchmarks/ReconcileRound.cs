namespace Actors.Benchmarks;

/// <summary>One round of <c>reconcile</c>: the full check and the reads-only baseline over the same accounts.</summary>
internal sealed record ReconcileRound(int Round, double ReconcileSeconds, double ReadsOnlySeconds, int Accounts, long Mismatches, long NewResults)
{
    public double AccountsPerSecond => Accounts / ReconcileSeconds;

    public double ReadsOnlyAccountsPerSecond => Accounts / ReadsOnlySeconds;

    public double Ratio => ReadsOnlySeconds / ReconcileSeconds;
}
