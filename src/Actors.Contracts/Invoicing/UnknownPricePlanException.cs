namespace Actors.Contracts.Invoicing;

/// <summary>The requested price plan version is not in the silo's price catalog. Nothing was written.</summary>
[GenerateSerializer, Alias("actors.error.pricing.unknown-plan")]
public sealed class UnknownPricePlanException : PricingException
{
    /// <summary>An error for <paramref name="plan"/>, listing the plans that are known and where they were loaded from.</summary>
    public UnknownPricePlanException(string plan, IReadOnlyList<string> knownPlans, string catalogSource)
        : base(knownPlans.Count == 0
            ? $"price plan '{plan}' is unknown: no price plans are loaded ({catalogSource})."
            : $"price plan '{plan}' is unknown; known plans: {string.Join(", ", knownPlans)} (from {catalogSource}).")
    {
        Plan = plan;
        KnownPlans = [.. knownPlans];
    }

    /// <summary>The plan asked for, <c>name@version</c>.</summary>
    [Id(0)] public string Plan { get; }

    /// <summary>Every plan of the catalog, <c>name@version</c>.</summary>
    [Id(1)] public string[] KnownPlans { get; }
}
