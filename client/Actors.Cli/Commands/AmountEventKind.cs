namespace Actors.Cli.Commands;

/// <summary>The billing events that carry a plain amount: each gets its own command with the same options.</summary>
public enum AmountEventKind
{
    /// <summary><c>actors billing credit</c> → CreditGranted.</summary>
    Credit,

    /// <summary><c>actors billing payment</c> → PaymentReceived.</summary>
    Payment,

    /// <summary><c>actors billing adjust</c> → AdjustmentPosted.</summary>
    Adjustment,
}
