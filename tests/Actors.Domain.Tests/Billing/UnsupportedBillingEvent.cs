using Actors.Contracts.Billing;

namespace Actors.Domain.Tests.Billing;

/// <summary>A subtype the domain does not know, standing in for a client built against newer contracts.</summary>
internal sealed record UnsupportedBillingEvent : BillingEvent
{
    public override string Type => "RefundIssued";
}
