using Actors.Contracts.Reconciliation;
using Spectre.Console;

namespace Actors.Cli.Output;

/// <summary>The text form of reconciliation runs, status and exceptions (JSON output writes the records as they are).</summary>
public static class ReconciliationView
{
    /// <summary>One run: state, accounts checked and mismatches per kind.</summary>
    public static void WriteRun(CommandOutput output, ReconciliationRun run, TimeSpan followedFor)
    {
        var took = run.FinishedAt is { } finished ? finished - run.StartedAt : followedFor;
        output.WriteLine(
            $"run {run.RunId}: {run.State.ToString().ToLowerInvariant()}, {run.AccountsChecked:N0} account(s) checked in {took.TotalSeconds:0.0} s" +
            (run.Error is { } error ? $" - {error}" : string.Empty));
        var kinds = new Table().AddColumn("mismatch kind").AddColumn(new TableColumn("found").RightAligned());
        foreach (var kind in MismatchKindNames.AllKinds)
        {
            kinds.AddRow(kind.Name(), run.MismatchesByKind.GetValueOrDefault(kind.Name()).ToString("N0"));
        }
        output.Console.Write(kinds);
    }

    /// <summary>Recent runs and exception counts.</summary>
    public static void WriteStatus(CommandOutput output, ReconcilerStatus status)
    {
        var runs = new Table().AddColumn("run").AddColumn("window").AddColumn("state").AddColumn("started")
            .AddColumn(new TableColumn("accounts").RightAligned()).AddColumn(new TableColumn("mismatches").RightAligned());
        foreach (var run in status.RecentRuns)
        {
            runs.AddRow(Markup.Escape(run.RunId), run.Window, run.State.ToString().ToLowerInvariant(), run.StartedAt.ToString("u"),
                run.AccountsChecked.ToString("N0"), run.MismatchesByKind.Values.Sum().ToString("N0"));
        }
        output.Console.Write(runs);
        var counts = new Table().AddColumn("kind");
        ExceptionStatus[] statuses = [ExceptionStatus.Open, ExceptionStatus.Acknowledged, ExceptionStatus.Resolved, ExceptionStatus.Dismissed];
        foreach (var s in statuses)
        {
            counts.AddColumn(new TableColumn(s.Name()).RightAligned());
        }
        foreach (var kind in MismatchKindNames.AllKinds)
        {
            counts.AddRow([kind.Name(), .. statuses.Select(s =>
                status.Counts.Where(c => c.Kind == kind && c.Status == s).Sum(c => c.Count).ToString("N0"))]);
        }
        output.Console.Write(counts);
    }

    /// <summary>Exceptions with their figures.</summary>
    public static void WriteExceptions(CommandOutput output, IReadOnlyList<ReconciliationException> exceptions)
    {
        var table = new Table().AddColumn("account").AddColumn("window").AddColumn("plan").AddColumn("kind").AddColumn("status")
            .AddColumn("figures (ledger vs invoice/projection)").AddColumn(new TableColumn("correction").RightAligned());
        foreach (var e in exceptions)
        {
            var key = e.Key;
            var figures = string.Join("; ", e.Mismatch.Lines.Select(l =>
                $"{l.Subject}{(l.UsageWindow is null ? "" : " " + l.UsageWindow)}: {l.ExpectedQuantity} vs {l.ActualQuantity} units, " +
                $"{l.ExpectedAmountMinor} vs {l.ActualAmountMinor} {l.Currency}"));
            table.AddRow(Markup.Escape(key.Account), key.Window, Markup.Escape(key.Plan), key.Kind.Name(), e.Status.Name(),
                Markup.Escape(figures), $"{e.Mismatch.CorrectionMinor:N0} {e.Mismatch.Currency}");
        }
        output.Console.Write(table);
        output.WriteLine($"{exceptions.Count} exception(s)");
    }
}
