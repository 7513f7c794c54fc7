using Orleans.Concurrency;

namespace Actors.Contracts.Security;

/// <summary>
/// One security case, keyed <c>tenant/case</c> (<see cref="EntityKey.Format"/>). Every change is appended to the case's
/// ledger before it takes effect. Cases are opened by the tenant's <see cref="ISecurityIntakeGrain"/>, never directly.
/// Errors: a case that was never opened throws <see cref="Errors.NotFoundException"/>; a move the lifecycle forbids throws
/// <see cref="Errors.InvalidTransitionException"/>; an idempotency key reused with another payload throws
/// <see cref="Errors.ConflictException"/>. Every error means nothing was written.
/// </summary>
[Alias("security.case-grain")]
public interface ISecurityCaseGrain : IGrainWithStringKey
{
    /// <summary>The case at its latest change, or null when it was never opened.</summary>
    [Alias("get"), ReadOnly]
    Task<SecurityCase?> Get();

    /// <summary>
    /// Moves the case along its lifecycle (<c>Open -> Triaged -> Contained -> Resolved -> Closed</c>, or back to Open from
    /// Resolved or Closed). A retry of the same <c>(Source, Seq)</c> answers the current case and changes nothing.
    /// </summary>
    [Alias("transition")]
    Task<SecurityCase> Transition(CaseTransition transition);

    /// <summary>
    /// Called by the tenant's intake: opens the case with <paramref name="alert"/> when it does not exist yet, otherwise
    /// correlates the alert into it (severity rises to the highest seen). Applying the same alert again changes nothing,
    /// so the intake can re-drive it after a crash.
    /// </summary>
    [Alias("apply-alert")]
    Task<SecurityCase> ApplyAlert(AlertRaised alert);

    /// <summary>Called by the tenant's intake: appends an identity event of the case's principal; a repeat changes nothing.</summary>
    [Alias("apply-identity")]
    Task<SecurityCase> ApplyIdentity(IdentityEvent identityEvent);
}
