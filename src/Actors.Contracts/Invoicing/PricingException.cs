using Actors.Contracts.Errors;

namespace Actors.Contracts.Invoicing;

/// <summary>
/// A price plan cannot rate the request: the plan is not in the silo's price catalog, or usage has a meter the plan does
/// not price. Nothing was written.
/// </summary>
[GenerateSerializer, Alias("actors.error.pricing")]
public abstract class PricingException : ActorsException
{
    protected PricingException(string message) : base(message)
    {
    }
}
