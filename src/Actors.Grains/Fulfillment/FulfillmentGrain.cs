using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Fulfillment;
using Actors.Contracts.Inventory;
using Actors.Domain;
using Actors.Fulfillment;
using Actors.Grains.Telemetry;
using Actors.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Fulfillment;

/// <summary>
/// Routes and reserves one order: reads available-to-promise from every location that ships to the order's region, lets
/// <see cref="FulfillmentSolver"/> decide inside the time budget, reserves the chosen units, confirms them, and records each
/// step on the order's ledger (<see cref="LedgerNames.Order"/>), which is also the grain's only state.
/// </summary>
/// <remarks>
/// Durability order: a plan is appended BEFORE its units are reserved, and its reservation ids derive from order, attempt,
/// line and location. A placement that crashed anywhere after the append therefore finds the unfinished plan on
/// re-activation and re-drives exactly the same reservations (the stock grains answer them as duplicates) instead of
/// solving afresh and holding a second set of units. Stock that moves between the read and the reservation fails the
/// attempt: what it held is released, the failure is recorded, and the order is solved again with fresh stock, at most
/// <see cref="FulfillmentOptions.ResolveAttempts"/> times.
/// </remarks>
public sealed class FulfillmentGrain(
    ILedgerWriter writer,
    ILedgerStore store,
    IStockOfferReader offerReader,
    ConfiguredFulfillmentNetwork network,
    TimeProvider time,
    IOptions<FulfillmentOptions> options,
    IOptions<ActorsGrainOptions> grainOptions,
    ILogger<FulfillmentGrain> logger) : Grain, IFulfillmentGrain
{
    private static readonly KeyValuePair<string, object?> EntityTag = new("entity", "order");

    private OrderTrail _trail = new();
    private string _tenant = "";
    private string _orderId = "";
    private string _ledger = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _orderId) = EntityKey.Parse(this.GetPrimaryKeyString());
        _ledger = LedgerNames.Order(_tenant, _orderId);
        await ReplayAsync(cancellationToken);
    }

    public async Task<OrderDecision> Place(PlaceOrder order)
    {
        PlaceOrderValidation.Validate(order);
        if (order.OrderId != _orderId)
        {
            throw new InvalidEventException($"orderId '{order.OrderId}' does not match the order '{_orderId}' this grain is keyed by.");
        }
        if (_trail.Order is { } recorded)
        {
            if (!SameContent(recorded, order))
            {
                GrainInstruments.Conflicts.Add(1, EntityTag);
                throw new ConflictException(this.GetPrimaryKeyString(), "order", 1);
            }
            if (_trail.ToDecision(_tenant, duplicate: true) is { } decided)
            {
                GrainInstruments.Duplicates.Add(1, EntityTag);
                return decided;
            }
        }

        var served = network.Require();
        ValidateAgainst(served, order);
        if (_trail.Order is null)
        {
            await AppendAsync(new OrderReceived(order));
        }
        await DriveAsync(served);
        return _trail.ToDecision(_tenant, duplicate: false)
            ?? throw new InvalidOperationException($"{_ledger}: the order was driven to the end but has no outcome.");
    }

    public Task<OrderDecision?> Get() => Task.FromResult(_trail.ToDecision(_tenant, duplicate: false));

    private void ValidateAgainst(FulfillmentNetwork served, PlaceOrder order)
    {
        if (!served.Locations.Any(location => location.HandlingCapacity > 0 && location.LaneTo(order.Region) is not null))
        {
            throw new InvalidEventException($"region '{order.Region}' is not served by any location of the fulfillment network ({network.Source}).");
        }
        if (order.Lines.Count > options.Value.MaxLines)
        {
            throw new InvalidEventException($"lines: the order has {order.Lines.Count} lines; at most {options.Value.MaxLines} are accepted.");
        }
    }

    /// <summary>Takes the order from wherever its ledger left it to an outcome.</summary>
    private async Task DriveAsync(FulfillmentNetwork served)
    {
        while (true)
        {
            var plan = _trail.Unfinished;
            if (plan is null)
            {
                if (_trail.AttemptCount > options.Value.ResolveAttempts)
                {
                    await DecideAsync(OrderStatus.Failed,
                        $"Stock moved between solving and reserving on each of {_trail.AttemptCount} attempts; the last refusal: {_trail.LastFailure?.Reason}");
                    return;
                }
                if (_trail.AttemptCount > 0)
                {
                    FulfillmentInstruments.Resolves.Add(1);
                }
                plan = await PlanAsync(served, _trail.AttemptCount + 1);
            }
            if (plan.Status == DecisionStatus.Infeasible)
            {
                await DecideAsync(OrderStatus.Failed, $"The order cannot be fulfilled: {plan.SolverNote}");
                return;
            }
            var refusal = await HoldAsync(plan);
            if (refusal is null)
            {
                await DecideAsync(OrderStatus.Placed, reason: null);
                return;
            }
            await AppendAsync(new AttemptFailed(plan.Attempt, refusal));
        }
    }

    /// <summary>Reads fresh stock, solves, and records the plan (before anything is reserved).</summary>
    private async Task<AttemptPlanned> PlanAsync(FulfillmentNetwork served, int attempt)
    {
        var order = _trail.Order!;
        var skus = order.Lines.Select(line => line.Sku).Distinct(StringComparer.Ordinal).ToList();
        var candidates = served.Locations
            .Where(location => location.HandlingCapacity > 0 && location.LaneTo(order.Region) is not null)
            .Select(location => location.Id)
            .ToList();
        var offers = (await offerReader.ReadAsync(_tenant, skus, candidates, CancellationToken.None))
            .OrderBy(offer => offer.LocationId, StringComparer.Ordinal)
            .ThenBy(offer => offer.Sku, StringComparer.Ordinal)
            .ToList();
        var request = new OrderRequest(order.OrderId, order.Region, order.PromiseDays,
            order.Lines.Select(line => new OrderLine(line.Sku, line.Quantity)).ToList());
        var budget = options.Value.DecisionBudget;
        // CP-SAT runs for up to the whole budget: off the grain's scheduler thread, which other grains share.
        var plan = await Task.Run(() => FulfillmentSolver.Solve(request, served, offers, budget));

        var status = ToDecisionStatus(plan.Status);
        var statusTag = new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant());
        FulfillmentInstruments.DecisionTime.Record(plan.Elapsed.TotalMilliseconds, statusTag);
        FulfillmentInstruments.Decisions.Add(1, statusTag);

        var allocations = plan.Allocations
            .Select(a => new OrderAllocation(a.LineIndex, a.Sku, a.LocationId, a.Quantity, ReservationId(attempt, a.LineIndex, a.LocationId)))
            .ToList();
        var planned = new AttemptPlanned(attempt, status, plan.Objective, plan.Cost.Shipping, plan.Cost.Lateness, plan.Cost.Split,
            plan.Elapsed, offers, allocations, plan.Reason);
        await AppendAsync(planned);
        return planned;
    }

    /// <summary>
    /// Reserves every allocation of <paramref name="plan"/> and confirms them all. Returns null when they are committed, or
    /// why the plan could not be held (then whatever it did hold has been released).
    /// </summary>
    private async Task<string?> HoldAsync(AttemptPlanned plan)
    {
        var ttl = options.Value.ReservationTtl;
        var tries = await Task.WhenAll(plan.Allocations.Select(async allocation =>
        {
            try
            {
                var outcome = await StockOf(allocation).Reserve(allocation.ReservationId, allocation.Quantity, ttl);
                var held = outcome.Status is ReservationStatus.Reserved or ReservationStatus.Confirmed;
                return (Allocation: allocation, Status: (ReservationStatus?)outcome.Status, Refusal: held
                    ? null
                    : $"reservation '{allocation.ReservationId}' at '{allocation.LocationId}' is {outcome.Status.ToString().ToLowerInvariant()}: its hold lapsed before the order was confirmed");
            }
            catch (InsufficientStockException refused)
            {
                return (Allocation: allocation, Status: (ReservationStatus?)null,
                    Refusal: $"line {allocation.LineIndex} ('{allocation.Sku}') at '{allocation.LocationId}': {refused.Message}");
            }
        }));

        var refusals = tries.Where(t => t.Refusal is not null).Select(t => t.Refusal!).ToList();
        if (refusals.Count > 0)
        {
            await Task.WhenAll(tries
                .Where(t => t.Status == ReservationStatus.Reserved)
                .Select(t => StockOf(t.Allocation).Release(t.Allocation.ReservationId)));
            return string.Join("; ", refusals);
        }
        await Task.WhenAll(plan.Allocations.Select(allocation => StockOf(allocation).Confirm(allocation.ReservationId)));
        return null;
    }

    private async Task DecideAsync(OrderStatus status, string? reason)
    {
        await AppendAsync(new OrderDecided(status, reason));
        FulfillmentInstruments.Orders.Add(1, new KeyValuePair<string, object?>("outcome", status.ToString().ToLowerInvariant()));
    }

    private IStockGrain StockOf(OrderAllocation allocation) =>
        GrainFactory.GetGrain<IStockGrain>(StockKey.Format(_tenant, allocation.Sku, allocation.LocationId));

    /// <summary>
    /// Unique per order, attempt, line and location, and the same on every re-drive of an attempt. Unambiguous although the
    /// order id may contain dots: the stock grain already fixes the location, and attempt and line are plain integers.
    /// </summary>
    private string ReservationId(int attempt, int line, string location) => $"{_orderId}.{attempt}.{line}.{location}";

    private async Task AppendAsync(OrderLedgerEvent entry)
    {
        var (source, seq) = OrderLedgerCodec.KeyOf(entry);
        var row = new LedgerAppend(_ledger, _tenant, _trail.Position + 1, source, seq, OrderLedgerCodec.TypeOf(entry),
            time.GetUtcNow(), OrderLedgerCodec.Serialize(entry));
        var result = await LedgerHead.AppendAsync(writer, row, StaleActivation);
        if (result.Status != AppendStatus.Appended)
        {
            StaleActivation();
            throw new InvalidOperationException($"{_ledger}: {source}#{seq} was already on the ledger; this activation is stale and will be replaced.");
        }
        _trail.Apply(entry, result.Entry!.Position, result.Entry.OccurredAt);
    }

    private void StaleActivation()
    {
        logger.LogWarning("{Ledger}: the ledger moved under this activation; deactivating so the next one replays it.", _ledger);
        DeactivateOnIdle();
    }

    private async Task ReplayAsync(CancellationToken cancellationToken)
    {
        _trail = new OrderTrail();
        var pageSize = grainOptions.Value.ReplayPageSize;
        while (true)
        {
            var page = await store.ReadLedgerAsync(_ledger, _trail.Position + 1, pageSize, cancellationToken);
            foreach (var row in page)
            {
                _trail.Apply(OrderLedgerCodec.Deserialize(row.Type, row.Payload), row.Position, row.OccurredAt);
            }
            if (page.Count < pageSize)
            {
                break;
            }
        }
    }

    private static bool SameContent(PlaceOrder recorded, PlaceOrder order) =>
        recorded.OrderId == order.OrderId
        && recorded.Region == order.Region
        && recorded.PromiseDays == order.PromiseDays
        && recorded.Lines.Count == order.Lines.Count
        && recorded.Lines.Zip(order.Lines).All(pair => pair.First.Sku == pair.Second.Sku && pair.First.Quantity == pair.Second.Quantity);

    private static DecisionStatus ToDecisionStatus(FulfillmentStatus status) => status switch
    {
        FulfillmentStatus.Optimal => DecisionStatus.Optimal,
        FulfillmentStatus.Feasible => DecisionStatus.Feasible,
        FulfillmentStatus.Heuristic => DecisionStatus.Heuristic,
        FulfillmentStatus.Infeasible => DecisionStatus.Infeasible,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown fulfillment status"),
    };
}
