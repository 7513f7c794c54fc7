using Actors.Contracts.Events;
using System.CommandLine;
using Actors.Client.Events;

namespace Actors.Cli.Commands;

/// <summary>
/// <c>actors events sample --tenant T --accounts N --events M &gt; events.jsonl</c>: writes a deterministic JSON Lines
/// file of billing envelopes, ready for <c>actors events publish</c>. Needs no cluster.
/// </summary>
public sealed class EventsSampleCommand : Command
{
    /// <summary>Largest sample written in one run.</summary>
    public const long MaxEvents = 10_000_000;

    private readonly Option<string> _tenant = new("--tenant") { Description = "Tenant of every account.", Required = true };

    private readonly Option<int> _accounts = new("--accounts")
    {
        Description = "Number of accounts (acct-0001, acct-0002, ...).",
        DefaultValueFactory = _ => 10,
        Validators = { OptionRange.Between(1, 1_000_000) },
    };

    private readonly Option<int> _events = new("--events")
    {
        Description = "Events per account (about 75% usage, 13% payments, 6% credits, 6% adjustments).",
        DefaultValueFactory = _ => 100,
        Validators = { OptionRange.Between(1, 1_000_000) },
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed of the event mix and amounts; the same arguments always give the same file.",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<DateTimeOffset> _start = new("--start")
    {
        Description = "occurredAt of the first event (ISO-8601); later events follow one second apart.",
        DefaultValueFactory = _ => EventsSampleGenerator.DefaultStart,
    };

    public EventsSampleCommand(CommandRunner runner)
        : base("sample", "Write a deterministic JSON Lines file of billing events to stdout, e.g. 'actors events sample --tenant acme > events.jsonl'.")
    {
        Options.Add(_tenant);
        Options.Add(_accounts);
        Options.Add(_events);
        Options.Add(_seed);
        Options.Add(_start);
        SetAction((parse, ct) => runner.RunAsync(parse, RunAsync, ct));
    }

    private Task<int> RunAsync(CommandScope scope, CancellationToken cancellationToken)
    {
        var parse = scope.Parse;
        var generator = new EventsSampleGenerator(
            parse.GetRequiredValue(_tenant),
            parse.GetValue(_accounts),
            parse.GetValue(_events),
            parse.GetValue(_seed),
            parse.GetValue(_start),
            TimeSpan.FromSeconds(1));
        if (generator.Count > MaxEvents)
        {
            throw new CliUsageException($"--accounts x --events is {generator.Count:N0}; at most {MaxEvents:N0} events are written in one run.");
        }

        foreach (var envelope in generator.Generate())
        {
            cancellationToken.ThrowIfCancellationRequested();
            scope.Output.WriteLine(EventEnvelopeJson.Serialize(envelope));
        }
        // stdout carries only the file; the tally goes to stderr with the other diagnostics.
        scope.Output.WriteError($"wrote {generator.Count:N0} event(s) for {parse.GetValue(_accounts):N0} account(s), seed {parse.GetValue(_seed)}.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
