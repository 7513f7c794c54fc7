namespace Actors.Domain.Inventory;

/// <summary>
/// Ledger keys of reservation transitions: source <c>reservation/{id}</c>, seq 1 when placed and 2 when settled
/// (confirmed, released or expired). A reservation settles once, so a second settle collides on the ledger's unique key.
/// </summary>
public static class ReservationKeys
{
    /// <summary>The source prefix that event producers may not use.</summary>
    public const string SourcePrefix = "reservation/";

    /// <summary>The seq of the placing row.</summary>
    public const long PlacedSeq = 1;

    /// <summary>The seq of the settling row.</summary>
    public const long SettledSeq = 2;

    /// <summary>The ledger source of reservation <paramref name="reservationId"/>.</summary>
    public static string Source(string reservationId) => SourcePrefix + reservationId;
}
