using Actors.Contracts.Errors;

namespace Actors.Contracts.Inventory;

/// <summary>
/// Stock grain keys are <c>tenant/sku@location</c>: an <see cref="EntityKey"/> whose entity part names the SKU and the
/// location. Each part follows the <see cref="EntityKey"/> rules, and the SKU may not contain <c>@</c>, so the key splits
/// back at its first <c>@</c> unambiguously.
/// </summary>
public static class StockKey
{
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
