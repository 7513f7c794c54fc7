using System.CommandLine;
using Actors.Cli.Commands;

namespace Actors.Cli;

/// <summary>
/// The <c>actors</c> command line. <see cref="RunAsync"/> is the whole program, callable in-process (tests use it),
/// so parse errors, exit codes and output are the same whether it runs as a process or not.
/// </summary>
public static class ActorsCli
{
    /// <summary>Builds the command tree; every command reports through <paramref name="runner"/>.</summary>
    public static RootCommand CreateRootCommand(CommandRunner runner)
    {
        var root = new RootCommand("actors: operate and exercise an Actors cluster (billing, lanes, projections, invoices, reconciliation, inventory, orders, demos).");
        runner.Globals.AddTo(root);
        root.Subcommands.Add(new BillingCommand(runner));
        root.Subcommands.Add(new DemoCommand(runner));
        root.Subcommands.Add(new EventsCommand(runner));
        root.Subcommands.Add(new DlqCommand(runner));
        root.Subcommands.Add(new LanesCommand(runner));
        root.Subcommands.Add(new ProjectionsCommand(runner));
        root.Subcommands.Add(new InvoicesCommand(runner));
        root.Subcommands.Add(new ReconcileCommand(runner));
        root.Subcommands.Add(new InventoryCommand(runner));
        root.Subcommands.Add(new OrdersCommand(runner));
        root.Subcommands.Add(new TokenCommand(runner));
        root.Subcommands.Add(new SecurityCommand(runner));
        root.Subcommands.Add(new ChaosCommand(runner));
        root.Subcommands.Add(new StatusCommand(runner));
        return root;
    }

    /// <summary>Runs <c>actors</c> with <paramref name="args"/> and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        var runner = new CommandRunner(new GlobalOptions(), context);
        var root = CreateRootCommand(runner);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would exit with 1 here; bad arguments are documented as exit code 2.
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
            }
            await context.Error.WriteLineAsync($"Run '{string.Join(' ', CommandPath(parse))} --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        return await parse.InvokeAsync(
            new InvocationConfiguration { Output = context.Out, Error = context.Error },
            cancellationToken);
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Parent is null ? "actors" : result.Command.Name);
        }
        return names;
    }
}
