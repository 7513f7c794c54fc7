namespace Actors.Contracts.Reconciliation;

/// <summary>What checking one batch of accounts found.</summary>
/// <param name="AccountsChecked">Accounts of the batch with activity in the window (the others were passed over).</param>
/// <param name="MismatchesByKind">Mismatches found per kind (kebab-case name), new or already known.</param>
/// <param name="NewResults">Result keys the batch stored for the first time.</param>
[GenerateSerializer, Immutable, Alias("reconciliation.batch-result")]
public sealed record ReconciliationBatchResult(
    [property: Id(0)] long AccountsChecked,
    [property: Id(1)] IReadOnlyDictionary<string, long> MismatchesByKind,
    [property: Id(2)] int NewResults);
