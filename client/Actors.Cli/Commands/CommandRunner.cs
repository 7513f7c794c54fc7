using System.CommandLine;
using Actors.Cli.Connection;
using Actors.Cli.Output;
using Actors.Client;
using Actors.Contracts.Errors;

namespace Actors.Cli.Commands;

/// <summary>
/// Runs a command body and turns its failures into the documented exit codes and one clear line on stderr. Every
/// command goes through here, so <c>actors</c> answers the same failure the same way everywhere.
/// </summary>
public sealed class CommandRunner(GlobalOptions globals, CliContext context)
{
    private readonly ClusterConnectionFactory _connections = new(globals, context);

    /// <summary>The global options the commands read.</summary>
    public GlobalOptions Globals { get; } = globals;

    /// <summary>Runs <paramref name="body"/> for <paramref name="parse"/> and returns the exit code.</summary>
    public async Task<int> RunAsync(
        ParseResult parse,
        Func<CommandScope, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        var output = new CommandOutput(context, parse.GetValue(Globals.Json));
        try
        {
            return await body(new CommandScope(parse, output, _connections), cancellationToken);
        }
        catch (CliUsageException usage)
        {
            output.WriteError($"error: {usage.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (InvalidEventException invalid)
        {
            output.WriteError($"invalid input: {invalid.Message} Nothing was recorded.");
            return ExitCodes.InvalidInput;
        }
        catch (ClusterUnavailableException unavailable)
        {
            output.WriteError($"cluster unreachable: {unavailable.Message}");
            return ExitCodes.ClusterUnavailable;
        }
        catch (ConflictException conflict)
        {
            output.WriteError($"conflict: {conflict.Message}");
            return ExitCodes.Conflict;
        }
        catch (InvalidTransitionException refused)
        {
            output.WriteError($"not allowed: {refused.Message}");
            return ExitCodes.Conflict;
        }
        catch (StoreRefusedException refused)
        {
            output.WriteError($"database refused: {refused.Message}");
            return ExitCodes.StoreRefused;
        }
        catch (NotFoundException missing)
        {
            output.WriteError($"not found: {missing.Message}");
            return ExitCodes.NotFound;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteError("interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception failure)
        {
            output.WriteError($"failed: {failure.GetType().Name}: {failure.Message}");
            return ExitCodes.Failure;
        }
    }
}
