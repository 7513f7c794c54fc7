using System.Globalization;
using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;
using Spectre.Console;

namespace Actors.Cli.Output;

/// <summary>How the inventory commands show stock: event and reservation outcomes, refusals, and availability per bucket and shard.</summary>
public static class StockView
{
    /// <summary>The outcome of recording a <paramref name="eventType"/> on the SKU-location <paramref name="key"/>.</summary>
    public static void WriteRecord(CommandOutput output, string eventType, string key, StockRecordOutcome outcome)
    {
        if (output.IsJson)
        {
            output.WriteJson(outcome);
            return;
        }
        var what = outcome.Duplicate
            ? "already recorded (duplicate answered with the original outcome; nothing applied again)"
            : "recorded";
        output.WriteLine($"{eventType} {key} ({outcome.Source}, {outcome.Seq}): {what}");
        output.WriteLine($"  duplicate:  {Bool(outcome.Duplicate)}");
        WriteSnapshotLines(output, outcome.Snapshot);
    }

    /// <summary>The reservation after a <paramref name="verb"/> call on <paramref name="key"/>.</summary>
    public static void WriteReservation(CommandOutput output, string verb, string key, ReservationOutcome outcome)
    {
        if (output.IsJson)
        {
            output.WriteJson(outcome);
            return;
        }
        var what = outcome.Duplicate ? "repeat answered with the reservation as it stands (nothing changed)" : "done";
        output.WriteLine($"{verb} {key} reservation {outcome.ReservationId}: {what}");
        output.WriteLine($"  status:     {outcome.Status.ToString().ToLowerInvariant()}");
        output.WriteLine($"  quantity:   {outcome.Quantity.ToString("N0", CultureInfo.InvariantCulture)}");
        output.WriteLine($"  expires at: {outcome.ExpiresAt:O}");
        output.WriteLine($"  duplicate:  {Bool(outcome.Duplicate)}");
        WriteSnapshotLines(output, outcome.Snapshot);
    }

    /// <summary>A reservation refused for lack of stock, with the snapshot it was refused against (on stderr; on stdout too with <c>--json</c>).</summary>
    public static void WriteInsufficient(CommandOutput output, string reservationId, InsufficientStockException insufficient)
    {
        if (output.IsJson)
        {
            output.WriteJson(new
            {
                Error = "insufficient-stock",
                insufficient.Entity,
                ReservationId = reservationId,
                insufficient.Requested,
                insufficient.Current,
            });
        }
        output.WriteError($"insufficient stock: {insufficient.Message} Reservation {reservationId} was not taken; nothing was held.");
    }

    /// <summary>The buckets summed over the shards, then one row per shard.</summary>
    public static void WriteAvailability(CommandOutput output, StockAvailability availability)
    {
        if (output.IsJson)
        {
            output.WriteJson(availability);
            return;
        }
        var total = availability.Total;
        output.WriteLine($"{availability.Key}: {total.Buckets.Available.ToString("N0", CultureInfo.InvariantCulture)} available to promise " +
                         $"(version {total.Version}, as of {total.AsOf:O}, {availability.Shards.Count} shard(s))");
        var table = new Table().AddColumn("shard");
        foreach (var bucket in Enum.GetValues<StockBucket>())
        {
            table.AddColumn(new TableColumn(bucket.ToString().ToLowerInvariant()).RightAligned());
        }
        table.AddColumn(new TableColumn("in transit").RightAligned()).AddColumn(new TableColumn("total").RightAligned()).AddColumn(new TableColumn("version").RightAligned());
        for (var shard = 0; shard < availability.Shards.Count; shard++)
        {
            table.AddRow(Row(shard.ToString(CultureInfo.InvariantCulture), availability.Shards[shard]));
        }
        table.AddRow(Row("all", total));
        output.Console.Write(table);
    }

    private static string[] Row(string name, StockSnapshot snapshot)
    {
        var b = snapshot.Buckets;
        return [name, N(b.Available), N(b.Reserved), N(b.Committed), N(b.Shipped), N(b.Damaged), N(b.InTransit), N(b.Total), N(snapshot.Version)];
    }

    private static void WriteSnapshotLines(CommandOutput output, StockSnapshot snapshot)
    {
        var b = snapshot.Buckets;
        output.WriteLine($"  buckets:    available {N(b.Available)}, reserved {N(b.Reserved)}, committed {N(b.Committed)}, " +
                         $"shipped {N(b.Shipped)}, damaged {N(b.Damaged)}" + (b.InTransit > 0 ? $", in transit between shards {N(b.InTransit)}" : ""));
        output.WriteLine($"  version:    {snapshot.Version} (as of {snapshot.AsOf:O})");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
