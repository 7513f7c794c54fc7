namespace Actors.Contracts.Reconciliation;

/// <summary>What a reconciliation found wrong with one account in one window. Written kebab-case (<c>missing-usage</c>).</summary>
public enum MismatchKind
{
    /// <summary>The invoice bills fewer units than the ledger recorded before the invoice was issued.</summary>
    MissingUsage = 1,

    /// <summary>The same usage (meter, quantity, unit price, time) is on the ledger under two or more keys.</summary>
    DuplicatedUsage = 2,

    /// <summary>Usage of the window was recorded after its invoice; it is carried into the next window's invoice.</summary>
    LateArrival = 3,

    /// <summary>The invoice's amounts differ from its plan applied to the ledger's usage (or it bills units the ledger lacks).</summary>
    RatingInconsistency = 4,

    /// <summary>The balances projection differs from the ledger it was built from.</summary>
    ProjectionDrift = 5,
}
