using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors token</c>: development bearer tokens for the HTTP gateway.</summary>
public sealed class TokenCommand : Command
{
    public TokenCommand(CommandRunner runner)
        : base("token", "Mint development bearer tokens for the HTTP gateway (HS256, signed with a key the gateway is configured with).")
    {
        Subcommands.Add(new TokenIssueCommand(runner));
    }
}
