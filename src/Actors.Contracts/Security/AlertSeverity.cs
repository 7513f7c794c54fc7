namespace Actors.Contracts.Security;

/// <summary>How bad an alert is; a case carries the highest severity of its alerts.</summary>
public enum AlertSeverity
{
    /// <summary>Informational, worth a look.</summary>
    Low,

    /// <summary>Suspicious.</summary>
    Medium,

    /// <summary>Likely malicious.</summary>
    High,

    /// <summary>Active compromise.</summary>
    Critical,
}
