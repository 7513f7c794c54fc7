using Actors.Contracts.Invoicing;

namespace Actors.Ledger.Invoicing;

/// <summary>The identity of an invoice in a store: <c>(tenant, account, window, plan)</c>.</summary>
internal readonly record struct InvoiceKey(string Tenant, string Account, string Window, string Plan)
{
    public static InvoiceKey Of(Invoice invoice) => new(invoice.Tenant, invoice.Account, invoice.Window, invoice.Plan);

    /// <summary>Checks what the database cannot: window and plan are in their canonical text form.</summary>
    /// <exception cref="ArgumentException">naming the malformed part.</exception>
    public static void Validate(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentException.ThrowIfNullOrEmpty(invoice.Tenant, nameof(invoice));
        ArgumentException.ThrowIfNullOrEmpty(invoice.Account, nameof(invoice));
        ArgumentNullException.ThrowIfNull(invoice.Lines, nameof(invoice));
        ArgumentNullException.ThrowIfNull(invoice.Currency, nameof(invoice));
        if (!BillingWindow.TryParse(invoice.Window, out var window) || window.ToString() != invoice.Window)
        {
            throw new ArgumentException($"invoice window '{invoice.Window}' is not yyyy-MM.", nameof(invoice));
        }
        PricePlanId parsed;
        try
        {
            parsed = PricePlanId.Parse(invoice.Plan);
        }
        catch (FormatException malformed)
        {
            throw new ArgumentException($"invoice plan: {malformed.Message}", nameof(invoice), malformed);
        }
        if (parsed.ToString() != invoice.Plan)
        {
            throw new ArgumentException($"invoice plan '{invoice.Plan}' is not in canonical form {parsed}.", nameof(invoice));
        }
    }
}
