namespace Actors.Domain.Billing;

/// <summary>
/// What the account grain must do with an incoming event: <see cref="AppendDecision"/> or <see cref="LookUpDecision"/>.
/// </summary>
public abstract record BillingDecision
{
    // Closed hierarchy: callers switch over exactly the two cases.
    private protected BillingDecision()
    {
    }
}
