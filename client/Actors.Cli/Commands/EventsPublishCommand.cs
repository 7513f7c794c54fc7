using System.CommandLine;
using Actors.Cli.Output;
using Actors.Client.Events;
using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Spectre.Console;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors events publish --file events.jsonl</c>: reads and validates the whole file first (a bad line exits 2 and
/// nothing is sent), then publishes it in batches and prints how many events went onto each lane.
/// </summary>
public sealed class EventsPublishCommand : Command
{
    /// <summary>The <c>--file</c> value that means standard input.</summary>
    public const string StandardInput = "-";

    private readonly Option<string> _file = new("--file")
    {
        Description = "JSON Lines file of envelopes, one per line: {\"tenant\",\"entity\",\"source\",\"seq\",\"type\",\"occurredAt\",\"payload\":{...}}; - reads standard input.",
        Required = true,
    };

    private readonly Option<int> _batch = new("--batch")
    {
        Description = "Events per call to the cluster; each batch is enqueued all-or-nothing.",
        DefaultValueFactory = _ => EventsClient.MaxEnvelopesPerCall,
        Validators = { OptionRange.Between(1, EventsClient.MaxEnvelopesPerCall) },
    };

    private readonly Option<int> _concurrency = new("--concurrency")
    {
        Description = "Batches in flight at once (events of different batches may be enqueued out of file order).",
        DefaultValueFactory = _ => 4,
        Validators = { OptionRange.Between(1, 64) },
    };

    public EventsPublishCommand(CommandRunner runner)
        : base("publish", "Publish a JSON Lines file of event envelopes; the cluster routes each to the critical or bulk lane by its type. Publishing a file again is safe: consumers absorb duplicates.")
    {
        Options.Add(_file);
        Options.Add(_batch);
        Options.Add(_concurrency);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private async Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var output = scope.Output;
        var file = parse.GetRequiredValue(_file);
        var name = file == StandardInput ? "stdin" : file;

        // The whole input is read and validated before connecting, so a bad line never leaves half a file enqueued.
        var envelopes = await ReadAsync(file, cancellationToken);
        if (envelopes.Count == 0)
        {
            var empty = new EventsPublishSummary(name, 0, 0, new SortedDictionary<string, int>(), 0, 0);
            if (output.IsJson)
            {
                output.WriteJson(empty);
            }
            else
            {
                output.WriteLine($"no events in {name}; nothing to publish.");
            }
            return ExitCodes.Ok;
        }

        await using var client = await scope.ConnectAsync(cancellationToken);
        var publisher = new EventsBatchPublisher(client.Events, parse.GetValue(_batch), parse.GetValue(_concurrency));
        EventsPublishSummary summary;
        try
        {
            summary = await PublishAsync(output, publisher, name, envelopes, cancellationToken);
        }
        catch (InvalidEventException rejected)
        {
            output.WriteError(
                $"invalid input: {rejected.Message} {publisher.Published:N0} of {envelopes.Count:N0} event(s) in other batches were acknowledged before it " +
                "(batches still in flight may have been enqueued too); fix the file and publish it again: events already enqueued are absorbed as duplicates.");
            return ExitCodes.InvalidInput;
        }
        catch (Exception) when (publisher.Published > 0)
        {
            output.WriteError($"{publisher.Published:N0} of {envelopes.Count:N0} event(s) were enqueued before the failure; publishing the file again is safe.");
            throw;
        }

        Write(output, summary);
        return ExitCodes.Ok;
    }

    private static async Task<IReadOnlyList<EventEnvelope>> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (file == StandardInput)
        {
            return await EventEnvelopeJsonLines.ReadAllAsync(Console.In, cancellationToken);
        }
        if (!File.Exists(file))
        {
            throw new CliUsageException($"--file '{file}' does not exist.");
        }
        using var reader = new StreamReader(file);
        return await EventEnvelopeJsonLines.ReadAllAsync(reader, cancellationToken);
    }

    private static async Task<EventsPublishSummary> PublishAsync(
        CommandOutput output,
        EventsBatchPublisher publisher,
        string name,
        IReadOnlyList<EventEnvelope> envelopes,
        CancellationToken cancellationToken)
    {
        if (!output.CanShowProgress)
        {
            return await publisher.PublishAsync(name, envelopes, static _ => { }, cancellationToken);
        }
        return await output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("publishing", maxValue: envelopes.Count);
                return await publisher.PublishAsync(name, envelopes, count => task.Increment(count), cancellationToken);
            });
    }

    private static void Write(CommandOutput output, EventsPublishSummary summary)
    {
        if (output.IsJson)
        {
            output.WriteJson(summary);
            return;
        }
        output.WriteLine($"published {summary.Events:N0} event(s) from {summary.File} in {summary.Batches:N0} batch(es)");
        foreach (var (lane, count) in summary.Lanes)
        {
            output.WriteLine($"  {lane,-10} {count,12:N0}");
        }
        output.WriteLine($"  elapsed {summary.ElapsedSeconds:0.###} s, {summary.EventsPerSecond:N0} events/s");
    }
}
