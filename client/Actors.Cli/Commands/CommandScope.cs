using System.CommandLine;
using Actors.Cli.Connection;
using Actors.Cli.Output;
using Actors.Client;

namespace Actors.Cli.Commands;

/// <summary>What a command's body works with: its parsed arguments, its output, and a way to connect.</summary>
public sealed class CommandScope(ParseResult parse, CommandOutput output, ClusterConnectionFactory connections)
{
    /// <summary>The parsed command line.</summary>
    public ParseResult Parse { get; } = parse;

    /// <summary>Text or JSON output.</summary>
    public CommandOutput Output { get; } = output;

    /// <summary>Connects to the cluster named by the global options; call it only after the input has been validated.</summary>
    public Task<ActorsClient> ConnectAsync(CancellationToken cancellationToken) => connections.ConnectAsync(Parse, cancellationToken);
}
