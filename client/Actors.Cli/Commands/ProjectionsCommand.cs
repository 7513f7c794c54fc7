using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors projections</c>: the read models derived from the ledger.</summary>
public sealed class ProjectionsCommand : Command
{
    public ProjectionsCommand(CommandRunner runner)
        : base("projections", "Watch and rebuild the projections (read models replayed from the ledger).")
    {
        Subcommands.Add(new ProjectionsStatusCommand(runner));
        Subcommands.Add(new ProjectionsRebuildCommand(runner));
    }
}
