namespace Actors.Cli.Chaos;

/// <summary>
/// The SDK's answer to one operation, as the acknowledgement log keeps it.
/// </summary>
/// <param name="Operation">The operation that was acknowledged.</param>
/// <param name="Duplicate">The cluster answered that it had this key already.</param>
/// <param name="Refused">A definite "no" that changed nothing (a reservation for more units than were available).</param>
/// <param name="CaseId">For an alert: the case it went to.</param>
/// <param name="Attempts">Attempts it took (more than 1 when a kill interrupted it).</param>
/// <param name="At">When the answer arrived.</param>
public sealed record Acknowledgement(
    ChaosOperation Operation,
    bool Duplicate,
    bool Refused,
    string? CaseId,
    int Attempts,
    DateTimeOffset At);
