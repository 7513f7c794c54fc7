using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors lanes</c>: the lanes themselves.</summary>
public sealed class LanesCommand : Command
{
    public LanesCommand(CommandRunner runner)
        : base("lanes", "Watch the event lanes (critical and bulk).")
    {
        Subcommands.Add(new LanesStatusCommand(runner));
    }
}
