using Actors.Contracts.Invoicing;
using Xunit;

namespace Actors.IntegrationTests.Invoicing;

/// <summary>Invoices compared by content: record equality would compare the line lists by reference.</summary>
internal static class InvoiceAssert
{
    private static readonly InvoiceLine[] NoLines = [];

    public static void Equal(Invoice expected, Invoice actual)
    {
        Assert.Equal(expected with { Lines = NoLines }, actual with { Lines = NoLines });
        Assert.Equal(expected.Lines, actual.Lines);
    }

    public static void Equal(IReadOnlyList<Invoice> expected, IReadOnlyList<Invoice> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i]);
        }
    }
}
