using System.CommandLine;
using Actors.Contracts;

namespace Actors.Cli.Commands;

/// <summary><c>--tenant</c> and <c>--account</c>: which customer account a billing command addresses.</summary>
public sealed class AccountOptions
{
    /// <summary><c>--tenant</c>.</summary>
    public Option<string> Tenant { get; } = new("--tenant") { Description = "Tenant that owns the account.", Required = true };

    /// <summary><c>--account</c>.</summary>
    public Option<string> Account { get; } = new("--account") { Description = "The customer account.", Required = true };

    /// <summary>The tenant and account given, validated as a grain key (throws <c>InvalidEventException</c> before anything is sent).</summary>
    public (string Tenant, string Account) Read(ParseResult parse)
    {
        var tenant = parse.GetRequiredValue(Tenant);
        var account = parse.GetRequiredValue(Account);
        EntityKey.Format(tenant, account);
        return (tenant, account);
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Tenant);
        command.Options.Add(Account);
    }
}
