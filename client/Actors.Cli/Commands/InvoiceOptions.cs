using System.CommandLine;
using System.CommandLine.Parsing;
using Actors.Contracts;
using Actors.Contracts.Invoicing;

namespace Actors.Cli.Commands;

/// <summary>
/// The options of <c>actors invoices</c>. Window and plan are parsed by the command line itself, so a malformed one is a
/// usage error (exit code 2) before anything connects.
/// </summary>
public sealed class InvoiceOptions
{
    /// <summary><c>--tenant</c>.</summary>
    public Option<string> Tenant { get; } = new("--tenant") { Description = "The tenant.", Required = true };

    /// <summary><c>--window</c>, a UTC month <c>yyyy-MM</c>.</summary>
    public Option<BillingWindow> Window { get; } = new("--window")
    {
        Description = "The billing window: a UTC month written yyyy-MM, e.g. 2026-11.",
        Required = true,
        CustomParser = ParseWindow,
    };

    /// <summary>The tenant given, validated (throws <c>InvalidEventException</c> before anything is sent).</summary>
    public string ReadTenant(ParseResult parse)
    {
        var tenant = parse.GetRequiredValue(Tenant);
        EntityKey.Validate("tenant", tenant);
        return tenant;
    }

    /// <summary>An account option, <paramref name="required"/> or not, validated by <see cref="ReadAccount"/>.</summary>
    public static Option<string?> CreateAccount(bool required, string description) =>
        new("--account") { Description = description, Required = required };

    /// <summary>The account given (null when absent), validated (throws <c>InvalidEventException</c> before anything is sent).</summary>
    public static string? ReadAccount(ParseResult parse, Option<string?> option)
    {
        var account = parse.GetValue(option);
        if (account is not null)
        {
            EntityKey.Validate("account", account);
        }
        return account;
    }

    /// <summary>A <c>--plan</c> option, <c>name@version</c>; absent means the cluster's default plan.</summary>
    public static Option<PricePlanId?> CreatePlan() => new("--plan")
    {
        Description = "The price plan version, name@version (e.g. standard@2); default: the cluster's default plan (Actors:Invoicing:DefaultPlan).",
        CustomParser = ParsePlan,
    };

    private static BillingWindow ParseWindow(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (BillingWindow.TryParse(text, out var window))
        {
            return window;
        }
        result.AddError($"--window must be a month written yyyy-MM, e.g. 2026-11 (was '{text}').");
        return default;
    }

    private static PricePlanId? ParsePlan(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (PricePlanId.TryParse(text, out var plan))
        {
            return plan;
        }
        result.AddError($"--plan must be name@version, e.g. standard@1 (was '{text}').");
        return null;
    }
}
