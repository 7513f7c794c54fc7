using System.Diagnostics.CodeAnalysis;
using Actors.Contracts.Invoicing;

namespace Actors.Domain.Invoicing;

/// <summary>The price plans a silo knows, by <c>name@version</c>.</summary>
public sealed class PricePlanCatalog
{
    private readonly Dictionary<PricePlanId, PricePlan> _plans = [];

    /// <summary>A catalog of <paramref name="plans"/>.</summary>
    /// <param name="plans">The plans; each <c>name@version</c> at most once.</param>
    /// <param name="source">Where the plans came from (e.g. a directory), quoted by errors.</param>
    /// <exception cref="ArgumentException">when a plan id appears twice.</exception>
    public PricePlanCatalog(IEnumerable<PricePlan> plans, string source)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var plan in plans)
        {
            if (!_plans.TryAdd(plan.Id, plan))
            {
                throw new ArgumentException($"price plan {plan.Id} appears twice in {source}.", nameof(plans));
            }
        }
        Source = source;
        Plans = [.. _plans.Values.OrderBy(p => p.Id.Name, StringComparer.Ordinal).ThenBy(p => p.Id.Version)];
    }

    /// <summary>Where the plans came from.</summary>
    public string Source { get; }

    /// <summary>Every plan, by name (ordinal) then version.</summary>
    public IReadOnlyList<PricePlan> Plans { get; }

    /// <summary>The plan <paramref name="id"/>.</summary>
    /// <exception cref="UnknownPricePlanException">listing the known plans when the catalog has no such plan.</exception>
    public PricePlan Find(PricePlanId id) =>
        TryFind(id, out var plan)
            ? plan
            : throw new UnknownPricePlanException(id.ToString(), [.. Plans.Select(p => p.Id.ToString())], Source);

    /// <summary>The plan <paramref name="id"/>, if the catalog has it.</summary>
    public bool TryFind(PricePlanId id, [NotNullWhen(true)] out PricePlan? plan)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _plans.TryGetValue(id, out plan);
    }
}
