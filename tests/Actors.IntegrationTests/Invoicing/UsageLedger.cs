using Actors.Contracts.Billing;
using Actors.Domain;
using Actors.Domain.Billing;
using Actors.Ledger;
using Xunit;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>Builds billing events for account ledgers, numbering positions per account as the account grain does.</summary>
internal sealed class UsageLedger(ILedgerStore store)
{
    private readonly Dictionary<string, long> _positions = [];
    private readonly List<LedgerAppend> _pending = [];

    public UsageLedger Usage(string tenant, string account, string meter, long quantity, DateTimeOffset occurredAt) =>
        Add(tenant, account, seq => new UsageRecorded
        {
            Source = "meter", Seq = seq, OccurredAt = occurredAt, Currency = "USD", Meter = meter, Quantity = quantity,
        });

    public UsageLedger Payment(string tenant, string account, long amount, DateTimeOffset occurredAt) =>
        Add(tenant, account, seq => new PaymentReceived
        {
            Source = "bank", Seq = seq, OccurredAt = occurredAt, Currency = "USD", AmountMinor = amount,
        });

    /// <summary>Appends everything added since the last call, in one batch.</summary>
    public async Task AppendAsync(CancellationToken cancellationToken)
    {
        var results = await store.AppendBatchAsync([.. _pending], cancellationToken);
        Assert.All(results, r => Assert.Equal(AppendStatus.Appended, r.Status));
        _pending.Clear();
    }

    private UsageLedger Add(string tenant, string account, Func<long, BillingEvent> create)
    {
        var ledger = LedgerNames.Account(tenant, account);
        var position = _positions.GetValueOrDefault(ledger) + 1;
        _positions[ledger] = position;
        var e = create(position);
        _pending.Add(new LedgerAppend(ledger, tenant, position, e.Source, e.Seq, e.Type, e.OccurredAt, BillingEventCodec.Serialize(e)));
        return this;
    }
}
