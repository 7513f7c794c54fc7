using System.Globalization;
using Actors.Contracts.Invoicing;
using Spectre.Console;

namespace Actors.Cli.Output;

/// <summary>Text rendering of invoices and of an issuing run: a heading line and a table of lines with the total.</summary>
public static class InvoiceView
{
    /// <summary>Writes <paramref name="invoice"/>: who, window, plan, through position, then its lines and total.</summary>
    public static void Write(CommandOutput output, Invoice invoice)
    {
        output.WriteLine(
            $"{invoice.Tenant}/{invoice.Account}  {invoice.Window}  {invoice.Plan}  {invoice.Currency}  " +
            $"through ledger position {invoice.ThroughPosition}  issued {invoice.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z");
        var table = new Table()
            .AddColumn("usage window")
            .AddColumn("meter")
            .AddColumn(new TableColumn("quantity").RightAligned())
            .AddColumn(new TableColumn($"amount ({Markup.Escape(invoice.Currency)} minor units)").RightAligned());
        foreach (var line in invoice.Lines)
        {
            // Usage of an earlier window on this invoice arrived after that window's invoice: say so next to it.
            var window = line.UsageWindow == invoice.Window ? line.UsageWindow : $"{line.UsageWindow} (late, carried)";
            table.AddRow(Markup.Escape(window), Markup.Escape(line.Meter), line.Quantity.ToString("N0"), line.AmountMinor.ToString("N0"));
        }
        table.AddRow("[bold]total[/]", "", "", $"[bold]{invoice.TotalMinor:N0}[/]");
        output.Console.Write(table);
    }

    /// <summary>Writes what an issuing run did, then each invoice it returned.</summary>
    public static void Write(CommandOutput output, InvoiceIssueSummary summary)
    {
        output.WriteLine(
            $"{summary.Tenant} {summary.Window} under {summary.Plan}: {summary.Issued} issued, {summary.AlreadyIssued} already issued, " +
            $"{summary.SkippedWithoutUsage} account(s) without usage skipped ({summary.AccountsExamined} examined).");
        foreach (var (currency, total) in summary.TotalMinorByCurrency.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"total {currency}: {total:N0} minor units");
        }
        foreach (var invoice in summary.Invoices)
        {
            Write(output, invoice);
        }
    }
}
