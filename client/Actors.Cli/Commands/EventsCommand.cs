using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>actors events</c>: put events onto the cluster's lanes.</summary>
public sealed class EventsCommand : Command
{
    public EventsCommand(CommandRunner runner)
        : base("events", "Publish event envelopes onto the critical and bulk lanes (the cluster picks the lane from the event type).")
    {
        Subcommands.Add(new EventsPublishCommand(runner));
        Subcommands.Add(new EventsSampleCommand(runner));
    }
}
