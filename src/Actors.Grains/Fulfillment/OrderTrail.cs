using Actors.Contracts.Fulfillment;

namespace Actors.Grains.Fulfillment;

/// <summary>
/// What an order's ledger says so far, folded row by row: the order, its attempts and its outcome. Both the live grain and
/// a replay build it with <see cref="Apply"/>, so an answer after re-activation equals the one given live.
/// </summary>
internal sealed class OrderTrail
{
    private readonly List<(AttemptPlanned Plan, AttemptFailed? Failure)> _attempts = [];

    /// <summary>The order as first placed; null before anything was recorded.</summary>
    public PlaceOrder? Order { get; private set; }

    /// <summary>The outcome; null while the order is undecided.</summary>
    public OrderDecided? Outcome { get; private set; }

    /// <summary>When the outcome was recorded (the row's time as the ledger stored it).</summary>
    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>The ledger position of the last row applied.</summary>
    public long Position { get; private set; }

    /// <summary>Attempts made so far.</summary>
    public int AttemptCount => _attempts.Count;

    /// <summary>The last attempt's plan when it has neither failed nor been followed by an outcome: it must be re-driven.</summary>
    public AttemptPlanned? Unfinished =>
        Outcome is null && _attempts.Count > 0 && _attempts[^1].Failure is null ? _attempts[^1].Plan : null;

    /// <summary>The last attempt's failure, when the last attempt failed.</summary>
    public AttemptFailed? LastFailure => _attempts.Count > 0 ? _attempts[^1].Failure : null;

    public void Apply(OrderLedgerEvent entry, long position, DateTimeOffset occurredAt)
    {
        switch (entry)
        {
            case OrderReceived received:
                Order = received.Order;
                break;
            case AttemptPlanned planned:
                _attempts.Add((planned, null));
                break;
            case AttemptFailed failed:
                var index = _attempts.FindIndex(a => a.Plan.Attempt == failed.Attempt);
                if (index < 0)
                {
                    throw new InvalidOperationException($"Order ledger row at position {position} fails attempt {failed.Attempt}, which was never planned.");
                }
                _attempts[index] = (_attempts[index].Plan, failed);
                break;
            case OrderDecided decided:
                Outcome = decided;
                DecidedAt = occurredAt;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry, "not an order ledger event");
        }
        Position = position;
    }

    /// <summary>The decision as recorded, or null while undecided.</summary>
    public OrderDecision? ToDecision(string tenant, bool duplicate)
    {
        if (Outcome is null || Order is null)
        {
            return null;
        }
        var attempts = _attempts.Select(a => new DecisionAttempt(
            a.Plan.Attempt, a.Plan.Status, a.Plan.Objective, a.Plan.SolveTime, a.Plan.Allocations,
            a.Failure?.Reason ?? a.Plan.SolverNote)).ToList();
        var last = _attempts.Count > 0 ? _attempts[^1].Plan : null;
        return new OrderDecision(
            tenant,
            Order.OrderId,
            Outcome.Status,
            Outcome.Status == OrderStatus.Placed && last is not null ? last.Allocations : [],
            last?.Status ?? DecisionStatus.Infeasible,
            last?.Objective ?? 0,
            TimeSpan.FromTicks(_attempts.Sum(a => a.Plan.SolveTime.Ticks)),
            attempts,
            Outcome.Reason,
            DecidedAt,
            duplicate);
    }
}
