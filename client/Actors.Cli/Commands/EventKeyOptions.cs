using System.CommandLine;
using Actors.Client.Billing;

namespace Actors.Cli.Commands;

/// <summary>
/// What every recorded event carries besides its payload: the idempotency key <c>--source</c>/<c>--seq</c>, the
/// <c>--currency</c> and an optional <c>--occurred-at</c>.
/// </summary>
public sealed class EventKeyOptions
{
    /// <summary><c>--source</c>.</summary>
    public Option<string> Source { get; } = new("--source")
    {
        Description = "Producer that numbers the events (with --seq, the idempotency key).",
        Required = true,
    };

    /// <summary><c>--seq</c>.</summary>
    public Option<long> Seq { get; } = new("--seq")
    {
        Description = "The producer's sequence number for this account, 1 or greater.",
        Required = true,
    };

    /// <summary><c>--currency</c>.</summary>
    public Option<string> Currency { get; } = new("--currency")
    {
        Description = "ISO-4217 currency code of the amounts.",
        DefaultValueFactory = _ => BillingClient.DefaultCurrency,
    };

    /// <summary><c>--occurred-at</c>.</summary>
    public Option<DateTimeOffset?> OccurredAt { get; } = new("--occurred-at")
    {
        Description = "When the event happened (ISO-8601). Default: now. Pass the original time to resend an event as an exact duplicate.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Source);
        command.Options.Add(Seq);
        command.Options.Add(Currency);
        command.Options.Add(OccurredAt);
    }
}
