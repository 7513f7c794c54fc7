namespace Actors.Contracts.Invoicing;

/// <summary>
/// Usage to invoice has a meter the price plan does not price. Nothing was written: an issuing run checks every account's
/// usage before it writes any invoice.
/// </summary>
[GenerateSerializer, Alias("actors.error.pricing.unknown-meter")]
public sealed class UnknownMeterException : PricingException
{
    /// <summary>An error for <paramref name="meters"/> missing from <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan, <c>name@version</c>.</param>
    /// <param name="meters">The meters the plan does not price.</param>
    /// <param name="accounts">Some accounts with such usage (empty when rating a single quantity).</param>
    /// <param name="accountCount">How many accounts have such usage in all.</param>
    public UnknownMeterException(string plan, IReadOnlyList<string> meters, IReadOnlyList<string> accounts, int accountCount)
        : base(Describe(plan, meters, accounts, accountCount))
    {
        Plan = plan;
        Meters = [.. meters];
        Accounts = [.. accounts];
        AccountCount = accountCount;
    }

    /// <summary>The plan, <c>name@version</c>.</summary>
    [Id(0)] public string Plan { get; }

    /// <summary>The meters the plan does not price, in ordinal order.</summary>
    [Id(1)] public string[] Meters { get; }

    /// <summary>Some of the accounts with such usage.</summary>
    [Id(2)] public string[] Accounts { get; }

    /// <summary>How many accounts have such usage.</summary>
    [Id(3)] public int AccountCount { get; }

    private static string Describe(string plan, IReadOnlyList<string> meters, IReadOnlyList<string> accounts, int accountCount)
    {
        var what = meters.Count == 1 ? $"meter '{meters[0]}'" : $"meters {string.Join(", ", meters.Select(m => $"'{m}'"))}";
        var where = accountCount == 0
            ? ""
            : $" (usage of {accountCount} account(s), e.g. {string.Join(", ", accounts)})";
        return $"price plan '{plan}' has no price for {what}{where}; add the meter to a new plan version or issue under another plan.";
    }
}
