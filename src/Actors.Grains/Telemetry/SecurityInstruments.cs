using System.Diagnostics.Metrics;
using Actors.Contracts.Security;
using Actors.Domain.Security;

namespace Actors.Grains.Telemetry;

/// <summary>
/// The security grains' instruments on the <c>Actors</c> meter: alerts by outcome, cases opened, cases open by severity and
/// case transitions. Counted once per live change, never on replay, so a reactivation does not count a case twice.
/// </summary>
public static class SecurityInstruments
{
    /// <summary>Name of the alerts counter, tagged <see cref="OutcomeTag"/> (<see cref="New"/> or <see cref="Duplicate"/>).</summary>
    public const string AlertsName = "actors.security.alerts";

    /// <summary>Name of the cases opened counter, tagged <see cref="SeverityTag"/>.</summary>
    public const string CasesOpenedName = "actors.security.cases.opened";

    /// <summary>
    /// Name of the up/down counter of cases neither resolved nor closed, tagged <see cref="SeverityTag"/>. Changes as cases
    /// open, rise in severity, resolve, close and reopen; summed over silos it is the cluster's open cases since start.
    /// </summary>
    public const string OpenCasesName = "actors.security.cases.open";

    /// <summary>Name of the transitions counter, tagged <see cref="ToTag"/> (triaged, contained, resolved, closed, reopened).</summary>
    public const string TransitionsName = "actors.security.transitions";

    /// <summary>Tag: how an alert was taken.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>Tag: a case's severity, lower case.</summary>
    public const string SeverityTag = "severity";

    /// <summary>Tag: where a transition went, lower case; a move back to open is "reopened".</summary>
    public const string ToTag = "to";

    /// <summary>A new alert, appended.</summary>
    public const string New = "new";

    /// <summary>A repeated alert answered with the original outcome.</summary>
    public const string Duplicate = "duplicate";

    private static readonly Meter Meter = new(InventoryInstruments.MeterName);

    private static readonly Counter<long> Alerts =
        Meter.CreateCounter<long>(AlertsName, unit: "{alert}", description: "Security alerts taken by the intake, new or duplicate.");

    private static readonly Counter<long> CasesOpened =
        Meter.CreateCounter<long>(CasesOpenedName, unit: "{case}", description: "Security cases opened, by severity of the opening alert.");

    private static readonly UpDownCounter<long> OpenCases =
        Meter.CreateUpDownCounter<long>(OpenCasesName, unit: "{case}", description: "Security cases neither resolved nor closed, by severity.");

    private static readonly Counter<long> Transitions =
        Meter.CreateCounter<long>(TransitionsName, unit: "{transition}", description: "Security case lifecycle moves, by target.");

    /// <summary>Counts one alert taken as new or as a duplicate.</summary>
    public static void AlertTaken(bool duplicate) =>
        Alerts.Add(1, new KeyValuePair<string, object?>(OutcomeTag, duplicate ? Duplicate : New));

    /// <summary>Counts the live change of one case from <paramref name="before"/> to <paramref name="after"/> (null: not opened).</summary>
    public static void CaseChanged(SecurityCase? before, SecurityCase after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            CasesOpened.Add(1, SeverityOf(after.Severity));
        }
        else if (before.Status != after.Status)
        {
            var to = after.Status == CaseStatus.Open ? "reopened" : CaseLifecycle.Name(after.Status);
            Transitions.Add(1, new KeyValuePair<string, object?>(ToTag, to));
        }
        if (before is not null && CaseLifecycle.IsActive(before.Status))
        {
            OpenCases.Add(-1, SeverityOf(before.Severity));
        }
        if (CaseLifecycle.IsActive(after.Status))
        {
            OpenCases.Add(1, SeverityOf(after.Severity));
        }
    }

    private static KeyValuePair<string, object?> SeverityOf(AlertSeverity severity) =>
        new(SeverityTag, severity.ToString().ToLowerInvariant());
}
