namespace Actors.Domain.Inventory;

/// <summary>Orders held reservations by expiry, then by id (ordinal), the order an expiry sweep settles them in.</summary>
internal sealed class HeldOrder : IComparer<(DateTimeOffset ExpiresAt, string Id)>
{
    public static readonly HeldOrder Instance = new();

    public int Compare((DateTimeOffset ExpiresAt, string Id) x, (DateTimeOffset ExpiresAt, string Id) y)
    {
        var byExpiry = x.ExpiresAt.CompareTo(y.ExpiresAt);
        return byExpiry != 0 ? byExpiry : string.CompareOrdinal(x.Id, y.Id);
    }
}
