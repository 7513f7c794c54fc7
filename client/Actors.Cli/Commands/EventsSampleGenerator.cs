using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Events;

namespace Actors.Cli.Commands;

/// <summary>
/// Makes a deterministic stream of billing envelopes (mostly usage, some payments, credits and adjustments) for trying
/// <c>actors events publish</c>: the same arguments always give the same envelopes, in the same order.
/// </summary>
/// <remarks>
/// Each payload is the camelCase form of a <see cref="BillingEvent"/> subtype (the form the cluster's billing codec
/// reads) and repeats the envelope's <c>source</c>, <c>seq</c> and <c>occurredAt</c>, so both always agree. Every
/// <c>(account, source)</c> pair is numbered 1, 2, 3, ... with no gaps.
/// </remarks>
public sealed class EventsSampleGenerator
{
    /// <summary>Where the sample's clock starts unless told otherwise; fixed, so a sample never depends on when it was made.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The currency of every sample amount.</summary>
    public const string Currency = "USD";

    private static readonly string[] Meters = ["api-calls", "storage-gb-hours", "egress-mb"];

    private static readonly JsonSerializerOptions PayloadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _tenant;
    private readonly int _accounts;
    private readonly int _eventsPerAccount;
    private readonly int _seed;
    private readonly DateTimeOffset _start;
    private readonly TimeSpan _spacing;

    /// <summary>A generator of <paramref name="accounts"/> x <paramref name="eventsPerAccount"/> envelopes.</summary>
    /// <param name="tenant">Tenant of every account.</param>
    /// <param name="accounts">Number of accounts, named <c>acct-0001</c>, <c>acct-0002</c>, ...</param>
    /// <param name="eventsPerAccount">Envelopes per account.</param>
    /// <param name="seed">Seed of the event mix and the amounts.</param>
    /// <param name="start">The first envelope's <c>occurredAt</c>; later ones follow at <paramref name="spacing"/>.</param>
    /// <param name="spacing">Time between two consecutive envelopes of the stream.</param>
    /// <exception cref="Contracts.Errors.InvalidEventException">when <paramref name="tenant"/> is not a valid key part.</exception>
    public EventsSampleGenerator(string tenant, int accounts, int eventsPerAccount, int seed, DateTimeOffset start, TimeSpan spacing)
    {
        EntityKey.Validate("tenant", tenant);
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerAccount, 1);
        _tenant = tenant;
        _accounts = accounts;
        _eventsPerAccount = eventsPerAccount;
        _seed = seed;
        _start = start;
        _spacing = spacing;
    }

    /// <summary>Total envelopes <see cref="Generate"/> yields.</summary>
    public long Count => (long)_accounts * _eventsPerAccount;

    /// <summary>The envelopes, round-robin over the accounts, <c>occurredAt</c> increasing along the stream.</summary>
    public IEnumerable<EventEnvelope> Generate()
    {
        // System.Random with an explicit seed is a fixed algorithm across runs and platforms, which is what makes a sample reproducible.
        var random = new Random(_seed);
        var width = Math.Max(4, _accounts.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var accountIds = Enumerable.Range(1, _accounts).Select(i => $"acct-{i.ToString($"D{width}", System.Globalization.CultureInfo.InvariantCulture)}").ToArray();
        var nextSeq = new Dictionary<(int Account, string Source), long>();
        long index = 0;
        for (var round = 0; round < _eventsPerAccount; round++)
        {
            for (var account = 0; account < _accounts; account++)
            {
                var occurredAt = _start + (_spacing * index++);
                var billingEvent = NextEvent(random, accountIds[account], occurredAt, source =>
                {
                    var seq = nextSeq.GetValueOrDefault((account, source)) + 1;
                    nextSeq[(account, source)] = seq;
                    return seq;
                });
                yield return new EventEnvelope(
                    _tenant, accountIds[account], billingEvent.Source, billingEvent.Seq, billingEvent.Type, billingEvent.OccurredAt, Payload(billingEvent));
            }
        }
    }

    private static BillingEvent NextEvent(Random random, string account, DateTimeOffset occurredAt, Func<string, long> seqOf)
    {
        var roll = random.Next(100);
        if (roll < 75)
        {
            return new UsageRecorded
            {
                Source = "meter",
                Seq = seqOf("meter"),
                OccurredAt = occurredAt,
                Currency = Currency,
                Meter = Meters[random.Next(Meters.Length)],
                Quantity = random.Next(1, 1001),
                UnitPriceMinor = random.Next(1, 6),
            };
        }
        if (roll < 88)
        {
            var seq = seqOf("payments");
            return new PaymentReceived
            {
                Source = "payments",
                Seq = seq,
                OccurredAt = occurredAt,
                Currency = Currency,
                AmountMinor = random.Next(100, 50_001),
                Reference = $"pay-{account}-{seq}",
            };
        }
        if (roll < 94)
        {
            return new CreditGranted
            {
                Source = "crm",
                Seq = seqOf("crm"),
                OccurredAt = occurredAt,
                Currency = Currency,
                AmountMinor = random.Next(100, 5_001),
                Reason = "goodwill",
            };
        }
        var amount = random.Next(-2_000, 2_000);
        return new AdjustmentPosted
        {
            Source = "ops",
            Seq = seqOf("ops"),
            OccurredAt = occurredAt,
            Currency = Currency,
            // Zero is not a valid adjustment; shifting non-negative draws by one keeps the range symmetric without it.
            AmountMinor = amount >= 0 ? amount + 1 : amount,
            Reason = "correction",
        };
    }

    private static string Payload(BillingEvent billingEvent)
    {
        var payload = JsonSerializer.SerializeToNode(billingEvent, billingEvent.GetType(), PayloadOptions)!.AsObject();
        // The type travels in the envelope; the billing codec reads the payload without it.
        payload.Remove("type");
        return payload.ToJsonString(PayloadOptions);
    }
}
