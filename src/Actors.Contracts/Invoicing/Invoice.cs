namespace Actors.Contracts.Invoicing;

/// <summary>
/// An immutable invoice of one account for one window under one price-plan version. Its key is
/// <c>(Tenant, Account, Window, Plan)</c>: issuing again for the same key returns this invoice unchanged.
/// </summary>
/// <param name="Tenant">The account's tenant.</param>
/// <param name="Account">The account id within the tenant.</param>
/// <param name="Window">The billing window (<c>yyyy-MM</c>).</param>
/// <param name="Plan">The price plan and version the lines were rated with (<c>name@version</c>).</param>
/// <param name="Currency">ISO-4217 code of every amount on the invoice (the plan's currency).</param>
/// <param name="Lines">Usage per meter and usage window, ordered by usage window then meter.</param>
/// <param name="TotalMinor">The sum of the lines' amounts.</param>
/// <param name="ThroughPosition">
/// The account ledger's position the invoice was computed through: usage at a later position arrived after the invoice
/// (a late arrival) and is carried into the next window's invoice.
/// </param>
/// <param name="IssuedAt">When the invoice was issued.</param>
[GenerateSerializer, Immutable, Alias("invoicing.invoice")]
public sealed record Invoice(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Account,
    [property: Id(2)] string Window,
    [property: Id(3)] string Plan,
    [property: Id(4)] string Currency,
    [property: Id(5)] IReadOnlyList<InvoiceLine> Lines,
    [property: Id(6)] long TotalMinor,
    [property: Id(7)] long ThroughPosition,
    [property: Id(8)] DateTimeOffset IssuedAt);
