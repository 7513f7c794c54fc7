using Actors.Contracts.Reconciliation;
using Microsoft.Data.Sqlite;

namespace Actors.Ledger.Reconciliation;

/// <summary>
/// The parameters of one <c>reconciliation_results</c> row in a prepared SQLite statement, created once and bound row
/// after row, so a batch costs no parameter lookups by name.
/// </summary>
internal sealed class SqliteResultRowParameters
{
    private readonly SqliteParameter _tenant;
    private readonly SqliteParameter _account;
    private readonly SqliteParameter _window;
    private readonly SqliteParameter _plan;
    private readonly SqliteParameter _kind;
    private readonly SqliteParameter _currency;
    private readonly SqliteParameter _correction;
    private readonly SqliteParameter _lines;

    /// <summary>
    /// Adds <c>$tenant, $account, $window, $plan, $kind, $currency, $correction, $lines</c>, and <c>$open</c> and <c>$at</c>
    /// with their values, to <paramref name="command"/>.
    /// </summary>
    public SqliteResultRowParameters(SqliteCommand command, long atMicroseconds)
    {
        _tenant = command.Parameters.Add("$tenant", SqliteType.Text);
        _account = command.Parameters.Add("$account", SqliteType.Text);
        _window = command.Parameters.Add("$window", SqliteType.Text);
        _plan = command.Parameters.Add("$plan", SqliteType.Text);
        _kind = command.Parameters.Add("$kind", SqliteType.Text);
        _currency = command.Parameters.Add("$currency", SqliteType.Text);
        _correction = command.Parameters.Add("$correction", SqliteType.Integer);
        _lines = command.Parameters.Add("$lines", SqliteType.Text);
        command.Parameters.AddWithValue("$open", ExceptionStatus.Open.Name());
        command.Parameters.AddWithValue("$at", atMicroseconds);
    }

    /// <summary>Sets the parameters to <paramref name="row"/>.</summary>
    public void Bind(StoredMismatch row)
    {
        _tenant.Value = row.Tenant;
        _account.Value = row.Account;
        _window.Value = row.Window;
        _plan.Value = row.Plan;
        _kind.Value = row.Kind;
        _currency.Value = row.Currency;
        _correction.Value = row.CorrectionMinor;
        _lines.Value = row.Lines;
    }
}
