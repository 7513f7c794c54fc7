using Actors.Client.Resilience;
using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Errors;
using Polly;

namespace Actors.Client.Billing;

/// <summary>
/// Typed calls to customer accounts (<see cref="IAccountGrain"/>). Every record call is idempotent on
/// <c>(tenant, account, source, seq)</c>: transient failures are retried with the very same event, and a repeat is
/// answered with the original outcome and <see cref="RecordOutcome.Duplicate"/> set.
/// </summary>
/// <remarks>
/// Errors: <see cref="InvalidEventException"/> for malformed input (thrown before anything is sent when the SDK can
/// tell), <see cref="ConflictException"/> when <c>(source, seq)</c> was already used for a different payload, and
/// <see cref="ClusterUnavailableException"/> when the cluster still failed transiently after every retry.
/// </remarks>
public sealed class BillingClient
{
    /// <summary>Currency used when a call does not name one.</summary>
    public const string DefaultCurrency = "USD";

    /// <summary>Largest page <see cref="GetLedgerAsync"/> accepts.</summary>
    public const int MaxLedgerPage = 10_000;

    private readonly IGrainFactory _grains;
    private readonly RetryingGrainCall _call;
    private readonly TimeProvider _time;

    internal BillingClient(
        IGrainFactory grains,
        ResiliencePipeline retry,
        TimeProvider time,
        Func<Exception, ClusterUnavailableException> unavailable)
    {
        _grains = grains;
        _call = new RetryingGrainCall(retry, unavailable);
        _time = time;
    }

    /// <summary>
    /// Checks <paramref name="billingEvent"/> for <paramref name="tenant"/>/<paramref name="account"/> with the
    /// cluster's own rules, without sending anything.
    /// </summary>
    /// <exception cref="InvalidEventException">naming the first thing wrong.</exception>
    public static void Validate(string tenant, string account, BillingEvent billingEvent)
    {
        EntityKey.Format(tenant, account);
        BillingValidation.Validate(billingEvent);
    }

    /// <summary>Records metered usage: <paramref name="quantity"/> units of <paramref name="meter"/>.</summary>
    /// <param name="tenant">Tenant that owns the account.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="source">Producer that numbers the events (part of the idempotency key).</param>
    /// <param name="seq">The producer's sequence number for this account, 1 or greater (part of the idempotency key).</param>
    /// <param name="meter">What was used, e.g. <c>api-calls</c>.</param>
    /// <param name="quantity">Units used, greater than 0.</param>
    /// <param name="unitPriceMinor">Price per unit in minor units; <see langword="null"/> when a price plan rates it later.</param>
    /// <param name="currency">ISO-4217 code, default USD.</param>
    /// <param name="occurredAt">When the usage happened; default now, taken once so that every retry sends the same event.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been recorded.</param>
    /// <returns>The outcome; <see cref="RecordOutcome.Duplicate"/> is true when this key was recorded before.</returns>
    public Task<RecordOutcome> RecordUsageAsync(
        string tenant,
        string account,
        string source,
        long seq,
        string meter,
        long quantity,
        long? unitPriceMinor = null,
        string currency = DefaultCurrency,
        DateTimeOffset? occurredAt = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(tenant, account, new UsageRecorded
        {
            Source = source,
            Seq = seq,
            OccurredAt = occurredAt ?? _time.GetUtcNow(),
            Currency = currency,
            Meter = meter,
            Quantity = quantity,
            UnitPriceMinor = unitPriceMinor,
        }, cancellationToken);

    /// <summary>Grants the customer a credit of <paramref name="amountMinor"/> (lowers the amount owed).</summary>
    /// <param name="tenant">Tenant that owns the account.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="source">Producer that numbers the events.</param>
    /// <param name="seq">The producer's sequence number for this account, 1 or greater.</param>
    /// <param name="amountMinor">Credit in minor units, greater than 0.</param>
    /// <param name="currency">ISO-4217 code, default USD.</param>
    /// <param name="reason">Why the credit was granted.</param>
    /// <param name="occurredAt">When it was granted; default now, taken once before any retry.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been recorded.</param>
    /// <returns>The outcome of recording the credit.</returns>
    public Task<RecordOutcome> GrantCreditAsync(
        string tenant,
        string account,
        string source,
        long seq,
        long amountMinor,
        string currency = DefaultCurrency,
        string? reason = null,
        DateTimeOffset? occurredAt = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(tenant, account, new CreditGranted
        {
            Source = source,
            Seq = seq,
            OccurredAt = occurredAt ?? _time.GetUtcNow(),
            Currency = currency,
            AmountMinor = amountMinor,
            Reason = reason,
        }, cancellationToken);

    /// <summary>Records a payment of <paramref name="amountMinor"/> received from the customer.</summary>
    /// <param name="tenant">Tenant that owns the account.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="source">Producer that numbers the events.</param>
    /// <param name="seq">The producer's sequence number for this account, 1 or greater.</param>
    /// <param name="amountMinor">Payment in minor units, greater than 0.</param>
    /// <param name="currency">ISO-4217 code, default USD.</param>
    /// <param name="reference">The payment's external reference (e.g. a bank transfer id).</param>
    /// <param name="occurredAt">When it was received; default now, taken once before any retry.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been recorded.</param>
    /// <returns>The outcome of recording the payment.</returns>
    public Task<RecordOutcome> ReceivePaymentAsync(
        string tenant,
        string account,
        string source,
        long seq,
        long amountMinor,
        string currency = DefaultCurrency,
        string? reference = null,
        DateTimeOffset? occurredAt = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(tenant, account, new PaymentReceived
        {
            Source = source,
            Seq = seq,
            OccurredAt = occurredAt ?? _time.GetUtcNow(),
            Currency = currency,
            AmountMinor = amountMinor,
            Reference = reference,
        }, cancellationToken);

    /// <summary>Posts a signed correction: positive charges more, negative refunds.</summary>
    /// <param name="tenant">Tenant that owns the account.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="source">Producer that numbers the events.</param>
    /// <param name="seq">The producer's sequence number for this account, 1 or greater.</param>
    /// <param name="amountMinor">Signed correction in minor units, not 0.</param>
    /// <param name="currency">ISO-4217 code, default USD.</param>
    /// <param name="reason">Why the correction was made.</param>
    /// <param name="occurredAt">When it was decided; default now, taken once before any retry.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been recorded.</param>
    /// <returns>The outcome of recording the adjustment.</returns>
    public Task<RecordOutcome> PostAdjustmentAsync(
        string tenant,
        string account,
        string source,
        long seq,
        long amountMinor,
        string currency = DefaultCurrency,
        string? reason = null,
        DateTimeOffset? occurredAt = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(tenant, account, new AdjustmentPosted
        {
            Source = source,
            Seq = seq,
            OccurredAt = occurredAt ?? _time.GetUtcNow(),
            Currency = currency,
            AmountMinor = amountMinor,
            Reason = reason,
        }, cancellationToken);

    /// <summary>
    /// Records any billing event on <paramref name="tenant"/>/<paramref name="account"/>. The event is validated first
    /// and then sent, unchanged, on every attempt.
    /// </summary>
    /// <param name="tenant">Tenant that owns the account.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="billingEvent">The event; its <c>(Source, Seq)</c> is the idempotency key.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying); the event may still have been recorded.</param>
    /// <returns>The outcome; <see cref="RecordOutcome.Duplicate"/> is true when this key was recorded before.</returns>
    public Task<RecordOutcome> RecordAsync(
        string tenant,
        string account,
        BillingEvent billingEvent,
        CancellationToken cancellationToken = default)
    {
        Validate(tenant, account, billingEvent);
        var grain = Account(tenant, account);
        return CallAsync(grain, billingEvent, static (g, e) => g.Record(e), cancellationToken);
    }

    /// <summary>The account's balance per currency, usage per meter and event count, derived from its ledger.</summary>
    /// <param name="tenant">Tenant that owns the account.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The current balance.</returns>
    public Task<AccountBalance> GetBalanceAsync(string tenant, string account, CancellationToken cancellationToken = default)
    {
        var grain = Account(tenant, account);
        return CallAsync(grain, 0, static (g, _) => g.GetBalance(), cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> ledger rows of the account, starting at <paramref name="fromPosition"/>, in order.</summary>
    /// <param name="tenant">Tenant that owns the account.</param>
    /// <param name="account">The customer account.</param>
    /// <param name="fromPosition">First ledger position to return, 1 or greater.</param>
    /// <param name="max">Page size, 1 to <see cref="MaxLedgerPage"/>.</param>
    /// <param name="cancellationToken">Stops waiting (and retrying).</param>
    /// <returns>The rows; fewer than <paramref name="max"/> means the end of the ledger was reached.</returns>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="fromPosition"/> or <paramref name="max"/> is out of range.</exception>
    public async Task<IReadOnlyList<LedgerRecord>> GetLedgerAsync(
        string tenant,
        string account,
        long fromPosition = 1,
        int max = 1000,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromPosition, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxLedgerPage);
        var grain = Account(tenant, account);
        return await CallAsync(grain, (fromPosition, max), static (g, page) => g.GetLedger(page.fromPosition, page.max), cancellationToken)
            .ConfigureAwait(false);
    }

    private IAccountGrain Account(string tenant, string account) =>
        _grains.GetGrain<IAccountGrain>(EntityKey.Format(tenant, account));

    private Task<T> CallAsync<TArg, T>(IAccountGrain grain, TArg argument, Func<IAccountGrain, TArg, Task<T>> call, CancellationToken cancellationToken) =>
        _call.InvokeAsync(grain, argument, call, cancellationToken);
}
