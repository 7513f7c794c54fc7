using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors demo</c>: scenarios that show a reliability property end to end.</summary>
public sealed class DemoCommand : Command
{
    public DemoCommand(CommandRunner runner)
        : base("demo", "Run scenarios that demonstrate the cluster's guarantees.")
    {
        Subcommands.Add(new DemoRetryStormCommand(runner));
        Subcommands.Add(new DemoTelemetryFloodCommand(runner));
        Subcommands.Add(new DemoPeakSaleCommand(runner));
    }
}
