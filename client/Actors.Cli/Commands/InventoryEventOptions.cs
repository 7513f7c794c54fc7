using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary>What every stock event carries besides its payload: the idempotency key <c>--source</c>/<c>--seq</c> and an optional <c>--occurred-at</c>.</summary>
public sealed class InventoryEventOptions
{
    /// <summary><c>--source</c>.</summary>
    public Option<string> Source { get; } = new("--source")
    {
        Description = "Producer that numbers the stock events, e.g. wms-1 (with --seq, the idempotency key).",
        Required = true,
    };

    /// <summary><c>--seq</c>.</summary>
    public Option<long> Seq { get; } = new("--seq")
    {
        Description = "The producer's sequence number for this SKU-location, 1 or greater.",
        Required = true,
        Validators = { OptionRange.AtLeast(1L) },
    };

    /// <summary><c>--occurred-at</c>.</summary>
    public Option<DateTimeOffset?> OccurredAt { get; } = new("--occurred-at")
    {
        Description = "When the event happened (ISO-8601). Default: now.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(Seq);
        command.Options.Add(OccurredAt);
    }
}
