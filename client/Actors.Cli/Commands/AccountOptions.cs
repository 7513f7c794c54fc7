using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>--tenant</c> and <c>--account</c>: which customer account a billing command addresses.</summary>
public sealed class AccountOptions
{
    /// <summary><c>--tenant</c>.</summary>
    public Option<string> Tenant { get; } = new("--tenant") { Description = "Tenant that owns the account.", Required = true };

    /// <summary><c>--account</c>.</summary>
    public Option<string> Account { get; } = new("--account") { Description = "The customer account.", Required = true };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Tenant);
        command.Options.Add(Account);
    }
}
