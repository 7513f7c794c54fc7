using System.Text;

namespace Actors.Grains.Inventory;

/// <summary>
/// The shard a reservation lives on: a hash of its id, stable across processes and versions (string.GetHashCode is
/// randomised per process), so every retry of a reservation reaches the shard that holds it.
/// </summary>
public static class ReservationHome
{
    /// <summary>The shard of <paramref name="reservationId"/> among <paramref name="shards"/>.</summary>
    public static int ShardOf(string reservationId, int shards)
    {
        ArgumentNullException.ThrowIfNull(reservationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        // FNV-1a over the UTF-8 bytes: tiny, well spread for short ids, and fixed by its definition.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(reservationId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return (int)(hash % (uint)shards);
    }
}
