using Actors.Contracts.Billing;

namespace Actors.Cli.Demo;

/// <summary>
/// The events of a retry storm with known prices, every event repeated <see cref="RetryStormSettings.Duplicates"/>
/// times in a shuffled order with random pauses, and the balance each account must end with. Everything is derived
/// from the seed, so a failing run can be replayed exactly.
/// </summary>
public sealed class RetryStormPlan
{
    /// <summary>The currency of every planned event.</summary>
    public const string Currency = "USD";

    // Two producers per account, each numbering its own events, so dedup is exercised per (account, source).
    private static readonly string[] Sources = ["collector-a", "collector-b"];
    private static readonly string[] Meters = ["api-calls", "storage-gb-hours", "egress-mb"];

    private RetryStormPlan(
        RetryStormSettings settings,
        IReadOnlyList<PlannedUsage> events,
        PlannedSend[] sends,
        IReadOnlyDictionary<string, long> expectedBalanceMinor)
    {
        Settings = settings;
        Events = events;
        Sends = sends;
        ExpectedBalanceMinor = expectedBalanceMinor;
    }

    /// <summary>The settings the plan was made from.</summary>
    public RetryStormSettings Settings { get; }

    /// <summary>Every distinct event, grouped by account.</summary>
    public IReadOnlyList<PlannedUsage> Events { get; }

    /// <summary>Every send, in the (shuffled) order they are started.</summary>
    public IReadOnlyList<PlannedSend> Sends { get; }

    /// <summary>The balance each account must have after the storm, if every event is charged exactly once.</summary>
    public IReadOnlyDictionary<string, long> ExpectedBalanceMinor { get; }

    /// <summary>Account ids of the storm, in order.</summary>
    public IEnumerable<string> Accounts => ExpectedBalanceMinor.Keys;

    /// <summary>Generates the plan for <paramref name="settings"/>; <paramref name="start"/> anchors the events' occurredAt.</summary>
    public static RetryStormPlan Create(RetryStormSettings settings, DateTimeOffset start)
    {
        var random = new Random(settings.Seed);
        var events = new List<PlannedUsage>(settings.Accounts * settings.EventsPerAccount);
        var expected = new Dictionary<string, long>(settings.Accounts);
        for (var a = 0; a < settings.Accounts; a++)
        {
            var account = $"acct-{a + 1:D5}";
            long total = 0;
            for (var e = 0; e < settings.EventsPerAccount; e++)
            {
                var quantity = random.Next(1, 101);
                var unitPrice = random.Next(1, 501);
                var usage = new UsageRecorded
                {
                    Source = Sources[e % Sources.Length],
                    Seq = e / Sources.Length + 1,
                    OccurredAt = start.AddMilliseconds(e),
                    Currency = Currency,
                    Meter = Meters[random.Next(Meters.Length)],
                    Quantity = quantity,
                    UnitPriceMinor = unitPrice,
                };
                var charge = (long)quantity * unitPrice;
                total += charge;
                events.Add(new PlannedUsage(account, usage, charge));
            }
            expected[account] = total;
        }

        var sends = new PlannedSend[settings.TotalSends];
        var next = 0;
        for (var i = 0; i < events.Count; i++)
        {
            for (var d = 0; d < settings.Duplicates; d++)
            {
                sends[next++] = new PlannedSend(i, random.Next(0, settings.MaxDelayMilliseconds + 1));
            }
        }
        random.Shuffle(sends);
        return new RetryStormPlan(settings, events, sends, expected);
    }
}
