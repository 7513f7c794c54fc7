namespace Actors.Domain;

/// <summary>Ledger ids per entity kind. One place, so projections and tools find the same ledger the grain writes.</summary>
public static class LedgerNames
{
    public static string Account(string tenant, string account) => $"account/{tenant}/{account}";
}
