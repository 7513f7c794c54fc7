using Actors.Contracts.Billing;

namespace Actors.Cli.Output;

/// <summary>How every record-style command (record, credit, payment, adjust) shows its <see cref="RecordOutcome"/>.</summary>
public static class RecordOutcomeView
{
    /// <summary>Writes <paramref name="outcome"/> of recording a <paramref name="eventType"/> as text or JSON.</summary>
    public static void Write(CommandOutput output, string eventType, RecordOutcome outcome)
    {
        if (output.IsJson)
        {
            output.WriteJson(outcome);
            return;
        }

        var what = outcome.Duplicate
            ? "already recorded (duplicate answered with the original outcome; nothing charged again)"
            : "recorded";
        output.WriteLine($"{eventType} {outcome.Tenant}/{outcome.Account} ({outcome.Source}, {outcome.Seq}): {what}");
        output.WriteLine($"  ledger position: {outcome.LedgerPosition} (global {outcome.GlobalPosition})");
        output.WriteLine($"  recorded at:     {outcome.RecordedAt:O}");
        output.WriteLine($"  duplicate:       {(outcome.Duplicate ? "true" : "false")}");
    }
}
