namespace Actors.Gateway.Configuration;

/// <summary>The <c>Gateway:RateLimit</c> section: one token bucket per client (token subject, or address when anonymous).</summary>
public sealed class GatewayRateLimitOptions
{
    /// <summary>Bucket size: the burst a client may send at once. Default 200.</summary>
    public int TokenLimit { get; set; } = 200;

    /// <summary>Tokens added every <see cref="ReplenishmentPeriod"/>. Default 100.</summary>
    public int TokensPerPeriod { get; set; } = 100;

    /// <summary>How often the bucket refills. Default 1 s.</summary>
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (TokenLimit < 1 || TokensPerPeriod < 1)
        {
            throw new InvalidOperationException($"Gateway:RateLimit: TokenLimit and TokensPerPeriod must be positive (were {TokenLimit}, {TokensPerPeriod}).");
        }
        if (ReplenishmentPeriod <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Gateway:RateLimit:ReplenishmentPeriod must be positive (was {ReplenishmentPeriod}).");
        }
    }
}
