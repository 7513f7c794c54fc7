using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>--reservation</c>: the id of a reservation, which is also its idempotency key.</summary>
public static class InventoryReservationOption
{
    /// <summary>A required <c>--reservation</c> option described by <paramref name="description"/>.</summary>
    public static Option<string> Create(string description) => new("--reservation") { Description = description, Required = true };
}
