namespace Actors.Domain;

/// <summary>Ledger ids per entity kind. One place, so projections and tools find the same ledger the grain writes.</summary>
public static class LedgerNames
{
    /// <summary>The prefix of every account ledger.</summary>
    public const string AccountPrefix = "account/";

    /// <summary>The ledger of one account: <c>account/{tenant}/{account}</c>.</summary>
    public static string Account(string tenant, string account) => $"{AccountPrefix}{tenant}/{account}";

    /// <summary>The prefix of every account ledger of <paramref name="tenant"/>: <c>account/{tenant}/</c>.</summary>
    public static string AccountsOf(string tenant) => $"{AccountPrefix}{tenant}/";

    /// <summary>The ledger of one SKU at one location: <c>stock/{tenant}/{sku}@{location}</c>.</summary>
    public static string Stock(string tenant, string sku, string location) => $"stock/{tenant}/{sku}@{location}";

    /// <summary>
    /// The ledger of shard <paramref name="shard"/> of a SKU-location: shard 0 is <see cref="Stock"/> itself, so an unsharded
    /// SKU-location keeps one ledger; shard k is <c>stock/{tenant}/{sku}@{location}#k</c>.
    /// </summary>
    public static string StockShard(string tenant, string sku, string location, int shard) =>
        shard == 0 ? Stock(tenant, sku, location) : $"{Stock(tenant, sku, location)}#{shard}";

    /// <summary>The ledger of one order's fulfillment decisions: <c>order/{tenant}/{order}</c>.</summary>
    public static string Order(string tenant, string order) => $"order/{tenant}/{order}";

    /// <summary>The prefix of every security case ledger of <paramref name="tenant"/>: <c>case/{tenant}/</c>.</summary>
    public static string SecurityCasesOf(string tenant) => $"case/{tenant}/";

    /// <summary>The ledger of one security case: <c>case/{tenant}/{caseId}</c>.</summary>
    public static string SecurityCase(string tenant, string caseId) => $"{SecurityCasesOf(tenant)}{caseId}";

    /// <summary>The security intake ledger of a tenant (alerts and identity events as received): <c>security/{tenant}</c>.</summary>
    public static string SecurityIntake(string tenant) => $"security/{tenant}";
}
