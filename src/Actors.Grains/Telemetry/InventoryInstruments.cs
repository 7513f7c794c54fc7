using System.Diagnostics.Metrics;

namespace Actors.Grains.Telemetry;

/// <summary>
/// The stock grains' instruments on the <c>Actors</c> meter: how reservation calls end, how many holds lapse, and how many
/// units the rebalancer moves between the shards of a hot SKU-location. The grains call the small methods below once per
/// settled call, so every name and tag value lives here and a dashboard can rely on them.
/// </summary>
public static class InventoryInstruments
{
    /// <summary>Name of the meter every Actors component reports on.</summary>
    public const string MeterName = "Actors";

    /// <summary>Name of the reservation calls counter, tagged <see cref="OutcomeTag"/>.</summary>
    public const string ReservationsName = "actors.inventory.reservations";

    /// <summary>Name of the expired reservations counter.</summary>
    public const string ExpiredName = "actors.inventory.reservations.expired";

    /// <summary>Name of the counter of units moved between shards.</summary>
    public const string TransferredUnitsName = "actors.inventory.transfers.units";

    /// <summary>The tag of <see cref="ReservationsName"/> that says how a call ended.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>A new reservation now holds units.</summary>
    public const string Reserved = "reserved";

    /// <summary>A repeated reserve, confirm or release answered with the original outcome; nothing changed.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Refused: too few available units, even after asking the other shards.</summary>
    public const string Insufficient = "insufficient";

    /// <summary>Refused: the reservation id was reused with another quantity.</summary>
    public const string Conflict = "conflict";

    /// <summary>Refused: malformed, or forbidden by the reservation's state (confirming an expired one, an unknown id).</summary>
    public const string Invalid = "invalid";

    /// <summary>A held reservation's units moved to committed.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>A held reservation's units went back to available at the caller's request.</summary>
    public const string Released = "released";

    /// <summary>Every value <see cref="ReservationSettled"/> accepts.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = [Reserved, Duplicate, Insufficient, Conflict, Invalid, Confirmed, Released];

    private static readonly Meter Meter = new(MeterName);

    // One pre-built tag per outcome: the hot path of a checkout allocates nothing to be counted.
    private static readonly Dictionary<string, KeyValuePair<string, object?>> OutcomeTags =
        Outcomes.ToDictionary(o => o, o => new KeyValuePair<string, object?>(OutcomeTag, o), StringComparer.Ordinal);

    private static readonly Counter<long> Reservations =
        Meter.CreateCounter<long>(ReservationsName, unit: "{call}", description: "Reserve, confirm and release calls on stock, by outcome.");

    private static readonly Counter<long> Expired =
        Meter.CreateCounter<long>(ExpiredName, unit: "{reservation}", description: "Reservations not confirmed within their TTL whose units went back to available.");

    private static readonly Counter<long> TransferredUnits =
        Meter.CreateCounter<long>(TransferredUnitsName, unit: "{unit}", description: "Available units moved between the shards of a SKU-location by the rebalancer.");

    /// <summary>Counts one reserve, confirm or release call that ended with <paramref name="outcome"/>.</summary>
    /// <param name="outcome">One of <see cref="Outcomes"/> (<see cref="Reserved"/>, <see cref="Duplicate"/>, …).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// when <paramref name="outcome"/> is not one of <see cref="Outcomes"/>: a free-form tag value would let the series
    /// multiply without bound, so a typo fails the grain's tests instead.
    /// </exception>
    public static void ReservationSettled(string outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!OutcomeTags.TryGetValue(outcome, out var tag))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"not a reservation outcome; expected one of {string.Join(", ", Outcomes)}.");
        }
        Reservations.Add(1, tag);
    }

    /// <summary>Counts <paramref name="reservations"/> holds an expiry sweep returned to available; zero records nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="reservations"/> is negative.</exception>
    public static void ReservationsExpired(long reservations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reservations);
        if (reservations > 0)
        {
            Expired.Add(reservations);
        }
    }

    /// <summary>Counts <paramref name="units"/> available units the rebalancer moved from one shard to another; zero records nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="units"/> is negative.</exception>
    public static void UnitsTransferred(long units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        if (units > 0)
        {
            TransferredUnits.Add(units);
        }
    }
}
