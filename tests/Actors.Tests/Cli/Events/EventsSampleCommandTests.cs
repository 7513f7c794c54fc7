using Actors.Contracts.Events;
using Actors.Cli;
using Actors.Client.Events;
using Actors.Contracts.Billing;
using Actors.Domain.Billing;

namespace Actors.Tests.Cli.Events;

/// <summary>
/// <c>actors events sample</c> writes the same file for the same arguments, and every line is an envelope the wire
/// format reads back exactly and the cluster's billing codec accepts.
/// </summary>
public sealed class EventsSampleCommandTests
{
    private static Task<CliRun> Sample(params string[] args) => CliRun.StartAsync(["events", "sample", .. args]);

    private static string[] Lines(CliRun run) => run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task The_same_arguments_give_the_same_file_and_another_seed_another_one()
    {
        var first = await Sample("--tenant", "acme", "--accounts", "7", "--events", "30", "--seed", "11");
        var second = await Sample("--tenant", "acme", "--accounts", "7", "--events", "30", "--seed", "11");
        var reseeded = await Sample("--tenant", "acme", "--accounts", "7", "--events", "30", "--seed", "12");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Equal(210, Lines(first).Length);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.NotEqual(first.Stdout, reseeded.Stdout);
        Assert.Contains("wrote 210 event(s)", first.Stderr);
    }

    [Fact]
    public async Task Every_line_round_trips_and_decodes_as_the_billing_event_its_envelope_names()
    {
        var run = await Sample("--tenant", "acme", "--accounts", "5", "--events", "80", "--seed", "3");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());

        var envelopes = Lines(run).Select(line =>
        {
            var envelope = EventEnvelopeJson.Parse(line);
            Assert.Equal(line, EventEnvelopeJson.Serialize(envelope));
            return envelope;
        }).ToList();

        foreach (var envelope in envelopes)
        {
            // The codec the cluster's ingress and account grains use: it also rejects a payload key that disagrees with the envelope.
            var billingEvent = BillingEnvelopeCodec.FromEnvelope(envelope);
            Assert.Equal((envelope.Source, envelope.Seq, envelope.OccurredAt, envelope.Type), (billingEvent.Source, billingEvent.Seq, billingEvent.OccurredAt, billingEvent.Type));
            Assert.Equal("USD", billingEvent.Currency);
            Assert.Contains("\"currency\":\"USD\"", envelope.Payload);
        }

        Assert.Equal(4, envelopes.Select(e => e.Type).Distinct().Count());
        Assert.Equal(5, envelopes.Select(e => e.Entity).Distinct().Count());
        foreach (var stream in envelopes.GroupBy(e => (e.Entity, e.Source)))
        {
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(i => (long)i), stream.Select(e => e.Seq));
        }
        Assert.Equal(envelopes.Select(e => e.OccurredAt).Order(), envelopes.Select(e => e.OccurredAt));
        Assert.Equal(envelopes.Count, envelopes.Select(e => e.OccurredAt).Distinct().Count());
    }

    [Fact]
    public async Task Usage_payloads_carry_the_fields_of_UsageRecorded()
    {
        var run = await Sample("--tenant", "acme", "--accounts", "1", "--events", "20");

        var usage = Lines(run).Select(EventEnvelopeJson.Parse).First(e => e.Type == "UsageRecorded");
        var decoded = Assert.IsType<UsageRecorded>(BillingEnvelopeCodec.FromEnvelope(usage));

        Assert.InRange(decoded.Quantity, 1, 1000);
        Assert.NotNull(decoded.UnitPriceMinor);
        Assert.False(string.IsNullOrEmpty(decoded.Meter));
    }

    [Fact]
    public async Task An_invalid_tenant_exits_2_with_nothing_on_stdout()
    {
        var run = await Sample("--tenant", "ac/me", "--accounts", "2", "--events", "2");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("tenant 'ac/me'", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Too_large_a_sample_is_refused()
    {
        var run = await Sample("--tenant", "acme", "--accounts", "1000000", "--events", "11");

        Assert.True(run.ExitCode == ExitCodes.InvalidInput, run.ToString());
        Assert.Contains("--accounts x --events is", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }
}
