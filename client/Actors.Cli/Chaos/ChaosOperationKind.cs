namespace Actors.Cli.Chaos;

/// <summary>The calls the chaos load makes through the SDK.</summary>
public enum ChaosOperationKind
{
    /// <summary><c>client.Billing.RecordUsageAsync</c>: charges quantity x unit price.</summary>
    Usage = 1,

    /// <summary><c>client.Billing.ReceivePaymentAsync</c>: lowers the balance by the amount.</summary>
    Payment = 2,

    /// <summary><c>client.Inventory.ReceiveAsync</c>: units arrive.</summary>
    Receive = 3,

    /// <summary><c>client.Inventory.ReserveAsync</c>: units are held.</summary>
    Reserve = 4,

    /// <summary><c>client.Inventory.ConfirmAsync</c>: held units become committed.</summary>
    Confirm = 5,

    /// <summary><c>client.Security.RaiseAlertAsync</c>: an alert joins (or opens) its principal's case.</summary>
    Alert = 6,
}
