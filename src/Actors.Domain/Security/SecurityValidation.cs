using Actors.Contracts;
using Actors.Contracts.Errors;
using Actors.Contracts.Security;

namespace Actors.Domain.Security;

/// <summary>The shape rules of alerts, identity events and transitions, checked before anything is decided or written.</summary>
public static class SecurityValidation
{
    /// <summary>Longest accepted rule name, actor or reason.</summary>
    public const int MaxTextLength = 512;

    /// <summary>Why <paramref name="alert"/> is malformed, or null when it is well formed.</summary>
    public static string? Problem(AlertRaised? alert)
    {
        if (alert is null)
        {
            return "the alert is missing.";
        }
        return KeyProblem("alert", alert.Source, alert.Seq)
            ?? (Enum.IsDefined(alert.Severity) ? null : $"alert ({alert.Source}, {alert.Seq}): severity {(int)alert.Severity} is not one of {string.Join(", ", Enum.GetNames<AlertSeverity>())}.")
            ?? (alert.Principal is null && alert.Host is null ? $"alert ({alert.Source}, {alert.Seq}): names neither a principal nor a host." : null)
            ?? PartProblem($"alert ({alert.Source}, {alert.Seq}): principal", alert.Principal)
            ?? PartProblem($"alert ({alert.Source}, {alert.Seq}): host", alert.Host)
            ?? TextProblem($"alert ({alert.Source}, {alert.Seq}): rule", alert.Rule, required: true);
    }

    /// <summary>Why <paramref name="e"/> is malformed, or null when it is well formed.</summary>
    public static string? Problem(IdentityEvent? e)
    {
        if (e is null)
        {
            return "the identity event is missing.";
        }
        return KeyProblem(e.Type, e.Source, e.Seq)
            ?? (e.Principal is null ? $"{e.Type} ({e.Source}, {e.Seq}): principal is required." : null)
            ?? PartProblem($"{e.Type} ({e.Source}, {e.Seq}): principal", e.Principal)
            ?? TextProblem($"{e.Type} ({e.Source}, {e.Seq}): reason", e.Reason, required: false);
    }

    /// <summary>Why <paramref name="t"/> is malformed, or null when it is well formed.</summary>
    public static string? Problem(CaseTransition? t)
    {
        if (t is null)
        {
            return "the transition is missing.";
        }
        return KeyProblem("transition", t.Source, t.Seq)
            ?? (Enum.IsDefined(t.To) ? null : $"transition ({t.Source}, {t.Seq}): status {(int)t.To} is not one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.")
            ?? TextProblem($"transition ({t.Source}, {t.Seq}): actor", t.Actor, required: true)
            ?? TextProblem($"transition ({t.Source}, {t.Seq}): reason", t.Reason, required: false);
    }

    private static string? KeyProblem(string what, string? source, long seq)
    {
        if (string.IsNullOrEmpty(source))
        {
            return $"the {what} has no source.";
        }
        if (source.Length > EntityKey.MaxPartLength)
        {
            return $"the {what}'s source is longer than {EntityKey.MaxPartLength} characters.";
        }
        return seq < 1 ? $"{what} ({source}, {seq}): seq must be at least 1." : null;
    }

    private static string? PartProblem(string what, string? value)
    {
        if (value is null)
        {
            return null;
        }
        try
        {
            EntityKey.Validate(what, value);
            return null;
        }
        catch (InvalidEventException ex)
        {
            return ex.Message;
        }
    }

    private static string? TextProblem(string what, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{what} is required." : null;
        }
        return value.Length > MaxTextLength ? $"{what} is longer than {MaxTextLength} characters." : null;
    }
}
