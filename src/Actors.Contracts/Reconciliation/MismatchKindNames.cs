namespace Actors.Contracts.Reconciliation;

/// <summary>The kebab-case names of <see cref="MismatchKind"/> and <see cref="ExceptionStatus"/> used in storage, JSON and the CLI.</summary>
public static class MismatchKindNames
{
    private static readonly Dictionary<MismatchKind, string> KindNames = new()
    {
        [MismatchKind.MissingUsage] = "missing-usage",
        [MismatchKind.DuplicatedUsage] = "duplicated-usage",
        [MismatchKind.LateArrival] = "late-arrival",
        [MismatchKind.RatingInconsistency] = "rating-inconsistency",
        [MismatchKind.ProjectionDrift] = "projection-drift",
    };

    private static readonly Dictionary<ExceptionStatus, string> StatusNames = new()
    {
        [ExceptionStatus.Open] = "open",
        [ExceptionStatus.Acknowledged] = "acknowledged",
        [ExceptionStatus.Resolved] = "resolved",
        [ExceptionStatus.Dismissed] = "dismissed",
    };

    /// <summary>Every kind, in number order.</summary>
    public static IReadOnlyList<MismatchKind> AllKinds { get; } = [.. KindNames.Keys.Order()];

    /// <summary>The kebab-case name of <paramref name="kind"/>.</summary>
    public static string Name(this MismatchKind kind) =>
        KindNames.TryGetValue(kind, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mismatch kind");

    /// <summary>The kebab-case name of <paramref name="status"/>.</summary>
    public static string Name(this ExceptionStatus status) =>
        StatusNames.TryGetValue(status, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(status), status, "unknown status");

    /// <summary>The kind named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">when no kind has that name.</exception>
    public static MismatchKind ParseKind(string name) =>
        KindNames.FirstOrDefault(p => p.Value == name) is { Value: not null } found
            ? found.Key
            : throw new FormatException($"'{name}' is not a mismatch kind: {string.Join(", ", KindNames.Values)}.");

    /// <summary>The status named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">when no status has that name.</exception>
    public static ExceptionStatus ParseStatus(string name) =>
        StatusNames.FirstOrDefault(p => p.Value == name) is { Value: not null } found
            ? found.Key
            : throw new FormatException($"'{name}' is not an exception status: {string.Join(", ", StatusNames.Values)}.");
}
