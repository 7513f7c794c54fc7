using System.Globalization;
using Actors.Contracts.Security;
using Spectre.Console;

namespace Actors.Cli.Output;

/// <summary>How the security commands show cases: one case in detail, a list as a table, and alert outcomes.</summary>
public static class SecurityCaseView
{
    /// <summary>The outcome of raising an alert: the case it went to and whether it opened it.</summary>
    public static void WriteAlert(CommandOutput output, AlertOutcome outcome)
    {
        if (output.IsJson)
        {
            output.WriteJson(outcome);
            return;
        }
        var what = outcome.Duplicate
            ? "already raised (duplicate answered with the original outcome; nothing applied again)"
            : outcome.OpenedCase ? "opened a new case" : "correlated into an open case";
        output.WriteLine($"AlertRaised ({outcome.Source}, {outcome.Seq}): {what}");
        output.WriteLine($"  duplicate:  {Bool(outcome.Duplicate)}");
        output.WriteLine($"  opened:     {Bool(outcome.OpenedCase)}");
        WriteCaseLines(output, outcome.Case);
    }

    /// <summary>One case in detail.</summary>
    public static void WriteCase(CommandOutput output, SecurityCase securityCase)
    {
        if (output.IsJson)
        {
            output.WriteJson(securityCase);
            return;
        }
        WriteCaseLines(output, securityCase);
    }

    /// <summary>A list of cases, newest first.</summary>
    public static void WriteCases(CommandOutput output, IReadOnlyList<SecurityCase> cases)
    {
        if (output.IsJson)
        {
            output.WriteJson(cases);
            return;
        }
        if (cases.Count == 0)
        {
            output.WriteLine("no cases");
            return;
        }
        var table = new Table().AddColumn("case").AddColumn("status").AddColumn("severity").AddColumn("principal").AddColumn("host")
            .AddColumn(new TableColumn("alerts").RightAligned()).AddColumn("opened");
        foreach (var c in cases)
        {
            table.AddRow(
                Markup.Escape(c.CaseId), Name(c.Status), Name(c.Severity), Markup.Escape(c.Principal ?? "-"), Markup.Escape(c.Host ?? "-"),
                c.AlertCount.ToString(CultureInfo.InvariantCulture), c.OpenedAt.ToString("O", CultureInfo.InvariantCulture));
        }
        output.Console.Write(table);
    }

    private static void WriteCaseLines(CommandOutput output, SecurityCase c)
    {
        output.WriteLine($"case {c.Tenant}/{c.CaseId}");
        output.WriteLine($"  status:     {Name(c.Status)}");
        output.WriteLine($"  severity:   {Name(c.Severity)}");
        output.WriteLine($"  principal:  {c.Principal ?? "-"}");
        output.WriteLine($"  host:       {c.Host ?? "-"}");
        output.WriteLine($"  alerts:     {c.AlertCount.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"  rules:      {string.Join(", ", c.Rules)}");
        output.WriteLine($"  opened at:  {c.OpenedAt:O}");
        output.WriteLine($"  updated at: {c.UpdatedAt:O}");
        output.WriteLine($"  version:    {c.Version.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Bool(bool value) => value ? "yes" : "no";
}
