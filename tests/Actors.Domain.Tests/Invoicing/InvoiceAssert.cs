using Actors.Contracts.Invoicing;

namespace Actors.Domain.Tests.Invoicing;

/// <summary>Invoices compared by content: record equality would compare the line lists by reference.</summary>
internal static class InvoiceAssert
{
    private static readonly InvoiceLine[] NoLines = [];

    public static void Equal(Invoice expected, Invoice actual)
    {
        Assert.Equal(expected with { Lines = NoLines }, actual with { Lines = NoLines });
        Assert.Equal(expected.Lines, actual.Lines);
    }
}
