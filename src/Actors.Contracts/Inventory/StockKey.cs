using Actors.Contracts.Errors;

namespace Actors.Contracts.Inventory;

/// <summary>
/// Stock grain keys are <c>tenant/sku@location</c>: an <see cref="EntityKey"/> whose entity part names the SKU and the
/// location. Each part follows the <see cref="EntityKey"/> rules, and the SKU may not contain <c>@</c>, so the key splits
/// back at its first <c>@</c> unambiguously.
/// </summary>
public static class StockKey
{
    /// <summary>The most shards one SKU-location may be split over.</summary>
    public const int MaxShards = 64;

    /// <summary>
    /// The grain key of shard <paramref name="shard"/> of the SKU-location <paramref name="key"/>: shard 0 is the key itself
    /// (an unsharded SKU-location is its own shard 0), shard k is <c>key#k</c>; <c>#</c> is outside the key alphabet.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="shard"/> is negative or not below <see cref="MaxShards"/>.</exception>
    public static string Shard(string key, int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, MaxShards);
        return shard == 0 ? key : $"{key}#{shard}";
    }

    /// <summary>Splits a shard key made by <see cref="Shard"/> into the SKU-location's parts and the shard number.</summary>
    /// <exception cref="InvalidEventException">when <paramref name="shardKey"/> is not a <c>tenant/sku@location[#k]</c> key.</exception>
    public static (string Tenant, string Sku, string Location, int Shard) ParseShard(string shardKey)
    {
        ArgumentNullException.ThrowIfNull(shardKey);
        var hash = shardKey.IndexOf('#');
        if (hash < 0)
        {
            var (tenant, sku, location) = Parse(shardKey);
            return (tenant, sku, location, 0);
        }
        if (!int.TryParse(shardKey.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var shard)
            || shard is < 1 or >= MaxShards || shardKey[(hash + 1)..] != shard.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidEventException($"'{shardKey}' is not a tenant/sku@location#shard key (shard 1..{MaxShards - 1}).");
        }
        var (t, s, l) = Parse(shardKey[..hash]);
        return (t, s, l, shard);
    }

    /// <summary>Builds the grain key of <paramref name="sku"/> at <paramref name="location"/> for <paramref name="tenant"/>.</summary>
    /// <exception cref="InvalidEventException">when a part is empty, too long, has a character outside the allowed set, or the SKU contains <c>@</c>.</exception>
    public static string Format(string tenant, string sku, string location)
    {
        ValidateSku(sku);
        EntityKey.Validate("location", location);
        return EntityKey.Format(tenant, $"{sku}@{location}");
    }

    /// <summary>Splits a grain key made by <see cref="Format"/> back into its parts.</summary>
    /// <exception cref="InvalidEventException">when <paramref name="key"/> is not a <c>tenant/sku@location</c> key.</exception>
    public static (string Tenant, string Sku, string Location) Parse(string key)
    {
        var (tenant, entity) = EntityKey.Parse(key);
        var at = entity.IndexOf('@');
        if (at <= 0 || at == entity.Length - 1)
        {
            throw new InvalidEventException($"'{key}' is not a tenant/sku@location key.");
        }
        var sku = entity[..at];
        var location = entity[(at + 1)..];
        ValidateSku(sku);
        EntityKey.Validate("location", location);
        return (tenant, sku, location);
    }

    private static void ValidateSku(string sku)
    {
        EntityKey.Validate("sku", sku);
        if (sku.Contains('@'))
        {
            throw new InvalidEventException($"sku '{sku}' may not contain '@': it separates the SKU from the location.");
        }
    }
}
