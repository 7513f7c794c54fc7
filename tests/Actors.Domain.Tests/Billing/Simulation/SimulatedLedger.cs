using Actors.Domain.Billing;

namespace Actors.Domain.Tests.Billing.Simulation;

/// <summary>
/// An in-memory ledger with the database's two unique keys, <c>(source, seq)</c> and <c>position</c>. It never
/// loses a committed row: crashes in the simulation only drop the grain's memory.
/// </summary>
internal sealed class SimulatedLedger
{
    private readonly List<SimulatedLedgerRow> _rows = [];
    private readonly Dictionary<(string Source, long Seq), SimulatedLedgerRow> _byKey = [];

    public IReadOnlyList<SimulatedLedgerRow> Rows => _rows;

    public SimulatedLedgerRow Append(AppendDecision append)
    {
        // A violation here means the domain let a duplicate or a stale position through: exactly what the simulation hunts.
        if (_byKey.TryGetValue((append.Source, append.Seq), out var existing))
        {
            throw new InvalidOperationException($"unique key violation: ({append.Source}, {append.Seq}) is already at position {existing.Position}.");
        }
        if (append.Position != _rows.Count + 1)
        {
            throw new InvalidOperationException($"position conflict: appending at {append.Position} but the ledger ends at {_rows.Count}.");
        }
        var row = new SimulatedLedgerRow(append.Position, append.Source, append.Seq, append.Type, append.Payload);
        _rows.Add(row);
        _byKey.Add((row.Source, row.Seq), row);
        return row;
    }

    public SimulatedLedgerRow? Find(string source, long seq) => _byKey.GetValueOrDefault((source, seq));

    public IEnumerable<SimulatedLedgerRow> RowsAfter(long position) => _rows.Skip(checked((int)position));
}
