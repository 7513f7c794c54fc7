using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors dlq</c>: the lanes' dead-letter queues.</summary>
public sealed class DlqCommand : Command
{
    public DlqCommand(CommandRunner runner)
        : base("dlq", "Inspect and replay the lanes' dead-letter queues.")
    {
        Subcommands.Add(new DlqListCommand(runner));
        Subcommands.Add(new DlqReplayCommand(runner));
    }
}
