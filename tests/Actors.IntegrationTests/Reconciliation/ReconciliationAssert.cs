using Actors.Contracts.Reconciliation;

namespace Actors.IntegrationTests.Reconciliation;

/// <summary>
/// Equality of stored reconciliation records field by field: the records hold lists and dictionaries, which record
/// equality compares by reference.
/// </summary>
internal static class ReconciliationAssert
{
    public static void SameFigures(Mismatch expected, Mismatch actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.CorrectionMinor, actual.CorrectionMinor);
        Assert.Equal(expected.Currency, actual.Currency);
    }

    public static void Same(ReconciliationException expected, ReconciliationException? actual)
    {
        Assert.NotNull(actual);
        SameFigures(expected.Mismatch, actual.Mismatch);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.DetectedAt, actual.DetectedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, actual.DetectedAt.Offset);
        Assert.Equal(TimeSpan.Zero, actual.UpdatedAt.Offset);
        Assert.Equal(expected.Adjustment, actual.Adjustment);
    }

    public static void Same(IReadOnlyList<ReconciliationException> expected, IReadOnlyList<ReconciliationException> actual)
    {
        Assert.Equal(expected.Select(e => e.Key), actual.Select(e => e.Key));
        for (var i = 0; i < expected.Count; i++)
        {
            Same(expected[i], actual[i]);
        }
    }

    public static void Same(ReconciliationRun expected, ReconciliationRun? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { MismatchesByKind = actual.MismatchesByKind }, actual);
        Assert.Equal(expected.MismatchesByKind.OrderBy(p => p.Key, StringComparer.Ordinal), actual.MismatchesByKind.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
