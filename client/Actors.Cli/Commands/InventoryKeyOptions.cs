using System.CommandLine;
using Actors.Contracts.Inventory;

namespace Actors.Cli.Commands;

/// <summary><c>--tenant</c>, <c>--sku</c> and <c>--location</c>: which SKU-location an inventory command addresses.</summary>
public sealed class InventoryKeyOptions
{
    /// <summary><c>--tenant</c>.</summary>
    public Option<string> Tenant { get; } = new("--tenant") { Description = "Tenant that owns the stock.", Required = true };

    /// <summary><c>--sku</c>.</summary>
    public Option<string> Sku { get; } = new("--sku") { Description = "The SKU (letters, digits and . _ : -; no @).", Required = true };

    /// <summary><c>--location</c>.</summary>
    public Option<string> Location { get; } = new("--location") { Description = "The store or warehouse holding the stock.", Required = true };

    /// <summary>The SKU-location given, validated as a stock key (throws <c>InvalidEventException</c> before anything is sent).</summary>
    public (string Tenant, string Sku, string Location) Read(ParseResult parse)
    {
        var tenant = parse.GetRequiredValue(Tenant);
        var sku = parse.GetRequiredValue(Sku);
        var location = parse.GetRequiredValue(Location);
        StockKey.Format(tenant, sku, location);
        return (tenant, sku, location);
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Tenant);
        command.Options.Add(Sku);
        command.Options.Add(Location);
    }
}
