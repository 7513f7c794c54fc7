using System.CommandLine;
using Actors.Cli.Demo;
using Actors.Cli.Output;
using Actors.Client.Inventory;
using Actors.Contracts.Inventory;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors demo peak-sale</c>: receives U units of a SKU, then lets N shoppers check out one unit each, many at once, and
/// counts what was sold twice: from the acknowledged reservations and from the final snapshot. Exit 0 only when nothing was
/// oversold, both counts agree and every checkout got a clear answer.
/// </summary>
public sealed class DemoPeakSaleCommand : Command
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettlePollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Option<string?> _sku = new("--sku")
    {
        Description = "The SKU on sale (default: a new one per run, so the sale starts from zero stock).",
    };

    private readonly Option<long> _units = new("--units")
    {
        Description = "Units received for the sale.",
        Required = true,
        Validators = { OptionRange.Between(1L, 1_000_000_000L) },
    };

    private readonly Option<int> _shoppers = new("--shoppers")
    {
        Description = "Checkouts, one unit each.",
        Required = true,
        Validators = { OptionRange.Between(1, 1_000_000) },
    };

    private readonly Option<string> _tenant = new("--tenant")
    {
        Description = "Tenant that owns the stock.",
        DefaultValueFactory = _ => "demo",
    };

    private readonly Option<string> _location = new("--location")
    {
        Description = "The location selling the SKU.",
        DefaultValueFactory = _ => "store-1",
    };

    private readonly Option<int> _concurrency = new("--concurrency")
    {
        Description = "Checkouts in flight at once.",
        DefaultValueFactory = _ => 64,
        Validators = { OptionRange.Between(1, 1024) },
    };

    private readonly Option<TimeSpan> _ttl = DurationOption.Create(
        "--ttl", "How long each checkout's hold lasts unconfirmed (the count is checked before it lapses)", TimeSpan.FromMinutes(10),
        TimeSpan.FromSeconds(10), TimeSpan.FromDays(1));

    public DemoPeakSaleCommand(CommandRunner runner)
        : base("peak-sale", "Receive --units units, then run --shoppers concurrent checkouts of 1 unit each; print units sold, oversold (must be 0), rejected and p50/p99 latency.")
    {
        Options.Add(_sku);
        Options.Add(_units);
        Options.Add(_shoppers);
        Options.Add(_tenant);
        Options.Add(_location);
        Options.Add(_concurrency);
        Options.Add(_ttl);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var settings = ReadSettings(scope.Parse);
        var output = scope.Output;

        await using var client = await scope.ConnectAsync(cancellationToken);
        var inventory = client.Inventory;
        var before = await inventory.GetSnapshotAsync(settings.Tenant, settings.Sku, settings.Location, cancellationToken);
        var receipt = await inventory.ReceiveAsync(
            settings.Tenant, settings.Sku, settings.Location, settings.ReceiptSource, 1, settings.Units, cancellationToken: cancellationToken);
        if (receipt.Duplicate)
        {
            // A fresh run id makes the source new; a duplicate means the units on offer are not what this run thinks.
            output.WriteError($"failed: the receipt ({settings.ReceiptSource}, 1) was already recorded; rerun to get a new run id.");
            return ExitCodes.Failure;
        }
        if (!output.IsJson)
        {
            output.WriteLine($"peak-sale {StockKey.Format(settings.Tenant, settings.Sku, settings.Location)}, run {settings.RunId}");
            output.WriteLine($"  received {settings.Units:N0} unit(s) ({before.Buckets.Available:N0} already available); " +
                             $"{settings.Shoppers:N0} shopper(s), {settings.Concurrency} in flight, 1 unit each");
        }

        var shoppers = new PeakSaleShoppers(inventory);
        PeakSaleTally tally;
        if (output.CanShowProgress)
        {
            tally = await output.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("checking out", maxValue: settings.Shoppers);
                    return await shoppers.CheckOutAsync(settings, () => task.Increment(1), cancellationToken);
                });
        }
        else
        {
            tally = await shoppers.CheckOutAsync(settings, static () => { }, cancellationToken);
        }

        var after = await SettledAvailabilityAsync(inventory, settings, cancellationToken);
        var report = PeakSaleReport.Create(settings, before, tally, after);
        Write(output, report);
        return report.Ok ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>
    /// The availability once no units are moving between shards (a summed read mid-transfer may count a unit at both ends),
    /// or the last read when they are still moving after <see cref="SettleTimeout"/>; the report then shows them in transit.
    /// </summary>
    private static async Task<StockAvailability> SettledAvailabilityAsync(InventoryClient inventory, PeakSaleSettings settings, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + SettleTimeout;
        while (true)
        {
            var availability = await inventory.GetAvailabilityAsync(settings.Tenant, settings.Sku, settings.Location, cancellationToken);
            if (availability.Total.Buckets.InTransit == 0 || DateTimeOffset.UtcNow >= deadline)
            {
                return availability;
            }
            await Task.Delay(SettlePollInterval, cancellationToken);
        }
    }

    private PeakSaleSettings ReadSettings(ParseResult parse)
    {
        var runId = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var tenant = parse.GetRequiredValue(_tenant);
        var sku = parse.GetValue(_sku) ?? $"sale-{runId}";
        var location = parse.GetRequiredValue(_location);
        // Rejected here, before connecting, so bad input never depends on the cluster being up.
        StockKey.Format(tenant, sku, location);
        return new PeakSaleSettings(
            tenant, sku, location, parse.GetValue(_units), parse.GetValue(_shoppers), parse.GetValue(_concurrency), parse.GetValue(_ttl), runId);
    }

    private static void Write(CommandOutput output, PeakSaleReport report)
    {
        if (output.IsJson)
        {
            output.WriteJson(report);
            return;
        }
        output.WriteLine($"  units sold        {report.UnitsSold:N0} of {report.UnitsOnOffer:N0} on offer");
        output.WriteLine($"  units oversold    {report.UnitsOversold:N0} (must be 0)");
        output.WriteLine($"  rejected          {report.ReservationsRejected:N0} reservation(s) refused with insufficient stock");
        output.WriteLine($"  failed            {report.FailedCheckouts:N0} checkout(s) with another error");
        output.WriteLine($"  final snapshot    available {report.Final.Available:N0}, reserved {report.Final.Reserved:N0}, committed {report.Final.Committed:N0} " +
                         $"{(report.Final.InTransit > 0 ? $", in transit {report.Final.InTransit:N0}" : "")} over {report.Shards} shard(s); held by the sale {report.SnapshotHeld:N0} ({(report.SnapshotAgrees ? "agrees" : "DISAGREES")} with units sold)");
        output.WriteLine($"  latency           p50 {report.LatencyP50Milliseconds:0.##} ms, p99 {report.LatencyP99Milliseconds:0.##} ms, max {report.LatencyMaxMilliseconds:0.##} ms");
        output.WriteLine($"  elapsed           {report.ElapsedSeconds:0.###} s: {report.CheckoutsPerSecond:N0} checkouts/s");
        if (report.FirstFailure is not null)
        {
            output.WriteLine($"  first failure     {report.FirstFailure}");
        }
        output.WriteLine(report.Ok
            ? "OK: no unit sold twice; the snapshot holds exactly the acknowledged reservations."
            : "FAILED: units oversold, the snapshot disagrees with the acknowledged reservations, or checkouts failed (see above).");
    }
}
