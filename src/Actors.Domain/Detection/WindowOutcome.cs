namespace Actors.Domain.Detection;

/// <summary>What a group window did with one matching event.</summary>
public enum WindowOutcome
{
    /// <summary>Counted for the first time.</summary>
    Counted,

    /// <summary>Already counted: a redelivery, no effect.</summary>
    Duplicate,

    /// <summary>More than one window older than the newest event of its group: not counted.</summary>
    TooLate,
}
