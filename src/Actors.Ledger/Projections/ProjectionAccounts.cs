namespace Actors.Ledger.Projections;

/// <summary>Accounts read from one version of the <c>balances</c> projection.</summary>
/// <param name="Version">The version read (the active one at the time).</param>
/// <param name="Checkpoint">Its checkpoint, read before the accounts: every account reflects at least the ledger up to it.</param>
/// <param name="Accounts">The accounts found, by account id; accounts without billing events are missing.</param>
public sealed record ProjectionAccounts(int Version, long Checkpoint, IReadOnlyDictionary<string, AccountProjection> Accounts);
