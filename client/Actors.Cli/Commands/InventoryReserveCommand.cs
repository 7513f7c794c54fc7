using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Inventory;
using Actors.Contracts.Errors;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors inventory reserve</c>: holds units for a checkout. The reservation id is the idempotency key: the same id and
/// quantity again answers the original reservation (duplicate), another quantity is a conflict (exit 4). Too little stock
/// exits 4 as well: like a conflict, the current state refuses the command, and nothing was held.
/// </summary>
public sealed class InventoryReserveCommand : Command
{
    /// <summary>How long a hold lasts when <c>--ttl</c> is not given.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(15);

    private readonly InventoryKeyOptions _key = new();
    private readonly Option<string> _reservation = InventoryReservationOption.Create("The reservation's id, unique per checkout (the idempotency key).");
    private readonly Option<long> _quantity = new("--quantity")
    {
        Description = "Units to hold, greater than 0.",
        DefaultValueFactory = _ => 1,
        Validators = { OptionRange.AtLeast(1L) },
    };
    private readonly Option<TimeSpan> _ttl = DurationOption.Create(
        "--ttl", "How long the units are held unless confirmed", DefaultTtl, TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1));

    public InventoryReserveCommand(CommandRunner runner)
        : base("reserve", "Hold available units for a checkout until confirmed, released or the TTL passes. " +
                          "Exit 4 when fewer units are available (nothing held) or the id was used with another quantity.")
    {
        _key.AddTo(this);
        Options.Add(_reservation);
        Options.Add(_quantity);
        Options.Add(_ttl);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var (tenant, sku, location) = _key.Read(scope.Parse);
        var reservationId = scope.Parse.GetRequiredValue(_reservation);
        InventoryClient.ValidateReservationId(reservationId);
        var quantity = scope.Parse.GetValue(_quantity);
        var ttl = scope.Parse.GetValue(_ttl);
        var key = StockKey.Format(tenant, sku, location);

        await using var client = await scope.ConnectAsync(cancellationToken);
        try
        {
            var outcome = await client.Inventory.ReserveAsync(tenant, sku, location, reservationId, quantity, ttl, cancellationToken);
            StockView.WriteReservation(scope.Output, "reserve", key, outcome);
            return ExitCodes.Ok;
        }
        catch (InsufficientStockException insufficient)
        {
            StockView.WriteInsufficient(scope.Output, reservationId, insufficient);
            return ExitCodes.Conflict;
        }
    }
}
