using Actors.Contracts.Errors;
using Actors.Domain.Billing;
using Actors.Domain.Dedup;

namespace Actors.Domain.Tests.Billing;

public sealed class AccountDeciderTests
{
    [Fact]
    public void New_event_is_appended_at_the_next_position()
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Credit(seq: 1), 1);
        var e = SampleEvents.Usage(source: "meter-eu", seq: 3);

        var decision = AccountDecider.Decide(state, e);

        var append = Assert.IsType<AppendDecision>(decision);
        Assert.Equal(new AppendDecision(2, "meter-eu", 3, "UsageRecorded", e.OccurredAt, BillingEventCodec.Serialize(e)), append);
        Assert.Equal(1, state.Position);
    }

    [Fact]
    public void Seen_key_is_looked_up()
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Credit(source: "support", seq: 1), 1);

        var decision = AccountDecider.Decide(state, SampleEvents.Credit(source: "support", seq: 1, amount: 999));

        Assert.Equal(new LookUpDecision("support", 1, DedupVerdict.Seen), decision);
    }

    [Fact]
    public void Key_that_memory_forgot_is_looked_up_as_unknown()
    {
        var state = new AccountState(maxIntervals: 1);
        state.Apply(SampleEvents.Payment(seq: 3), 1);
        state.Apply(SampleEvents.Payment(seq: 5), 2);

        var decision = AccountDecider.Decide(state, SampleEvents.Payment(seq: 3));

        Assert.Equal(new LookUpDecision("psp", 3, DedupVerdict.Unknown), decision);
    }

    [Fact]
    public void Unknown_key_absent_from_the_ledger_is_appended()
    {
        var state = new AccountState(maxIntervals: 1);
        state.Apply(SampleEvents.Payment(seq: 3), 1);
        state.Apply(SampleEvents.Payment(seq: 5), 2);
        var e = SampleEvents.Payment(seq: 2);
        Assert.Equal(DedupVerdict.Unknown, state.Dedup.Check("psp", 2));

        var append = AccountDecider.DecideAbsent(state, e);

        Assert.Equal(3, append.Position);
        Assert.Equal(e, BillingEventCodec.Deserialize(append.Type, append.Payload));
    }

    [Fact]
    public void Seen_key_absent_from_the_ledger_is_an_inconsistency()
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Payment(seq: 1), 1);

        Assert.Throws<InvalidOperationException>(() => AccountDecider.DecideAbsent(state, SampleEvents.Payment(seq: 1)));
    }

    [Fact]
    public void Malformed_event_is_rejected_before_dedup()
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Payment(seq: 1), 1);

        var error = Assert.Throws<InvalidEventException>(() => AccountDecider.Decide(state, SampleEvents.Payment(seq: 1, amount: 0)));

        Assert.Equal("payment amountMinor must be greater than 0 (was 0).", error.Message);
    }

    [Fact]
    public void New_event_that_would_overflow_the_balance_is_rejected()
    {
        var state = new AccountState();
        state.Apply(SampleEvents.Adjustment(seq: 1, amount: long.MinValue + 10), 1);

        var error = Assert.Throws<InvalidEventException>(() => AccountDecider.Decide(state, SampleEvents.Credit(seq: 1, amount: 11)));

        Assert.Contains("would overflow the account's USD totals", error.Message);
    }

    [Fact]
    public void Same_event_again_is_a_duplicate()
    {
        var original = SampleEvents.Usage(seq: 4);

        var verdict = AccountDecider.CheckDuplicate(original.Type, BillingEventCodec.Serialize(original), original with { });

        Assert.Equal(DuplicateVerdict.Duplicate, verdict);
    }

    [Fact]
    public void Stored_payload_formatting_does_not_matter()
    {
        // PostgreSQL jsonb reorders keys and drops whitespace; the comparison is by value.
        const string Reformatted = """{ "currency": "USD", "seq": 4, "source": "meter-eu", "occurredAt": "2025-03-04T05:06:07+05:30", "meter": "api-calls", "quantity": 3, "unitPriceMinor": 250 }""";

        var verdict = AccountDecider.CheckDuplicate("UsageRecorded", Reformatted, SampleEvents.Usage(seq: 4));

        Assert.Equal(DuplicateVerdict.Duplicate, verdict);
    }

    [Fact]
    public void Same_key_with_a_different_payload_is_a_conflict()
    {
        var original = SampleEvents.Usage(seq: 4, quantity: 3);

        var verdict = AccountDecider.CheckDuplicate(original.Type, BillingEventCodec.Serialize(original), original with { Quantity = 4 });

        Assert.Equal(DuplicateVerdict.Conflict, verdict);
    }

    [Fact]
    public void Same_key_with_a_different_event_type_is_a_conflict()
    {
        var original = SampleEvents.Credit(source: "ops", seq: 1, amount: 50);

        var verdict = AccountDecider.CheckDuplicate(original.Type, BillingEventCodec.Serialize(original), SampleEvents.Payment(source: "ops", seq: 1, amount: 50));

        Assert.Equal(DuplicateVerdict.Conflict, verdict);
    }

    [Fact]
    public void A_retry_stamped_with_a_later_occurred_at_is_still_a_duplicate()
    {
        var original = SampleEvents.Usage(seq: 4);

        var verdict = AccountDecider.CheckDuplicate(original.Type, BillingEventCodec.Serialize(original),
            original with { OccurredAt = original.OccurredAt.AddMinutes(3) });

        Assert.Equal(DuplicateVerdict.Duplicate, verdict);
    }
}
