using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors security</c>: alerts and the cases they open, and the cases' lifecycle.</summary>
public sealed class SecurityCommand : Command
{
    public SecurityCommand(CommandRunner runner)
        : base("security", "Raise alerts, show and list security cases, and move cases along open -> triaged -> contained -> resolved -> closed (or reopen). " +
                           "Exit codes: 2 invalid input, 3 cluster unreachable, 4 conflict or invalid transition, 5 unknown case.")
    {
        Subcommands.Add(new SecurityAlertCommand(runner));
        Subcommands.Add(new SecurityCaseCommand(runner));
        Subcommands.Add(new SecurityTransitionCommand(runner));
        Subcommands.Add(new SecurityCasesCommand(runner));
    }
}
