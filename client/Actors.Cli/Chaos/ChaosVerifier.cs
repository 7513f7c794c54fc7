using Actors.Contracts.Inventory;

namespace Actors.Cli.Chaos;

/// <summary>
/// Compares the acknowledgement log with what the cluster holds. An acknowledged event must be there exactly once; an
/// operation still unanswered at the end may or may not be there, so it only widens what is accepted, never narrows it.
/// </summary>
public static class ChaosVerifier
{
    private const int ShownOffenders = 5;

    /// <summary>The verdict for <paramref name="acknowledgements"/> (and the still <paramref name="unresolved"/> operations) against <paramref name="observed"/>.</summary>
    public static ChaosVerification Verify(
        IReadOnlyList<Acknowledgement> acknowledgements, IReadOnlyList<ChaosOperation> unresolved, ChaosObservations observed)
    {
        var applied = acknowledgements.Where(a => !a.Refused).ToList();
        var checks = new List<ChaosCheck>();
        long lost = 0, twice = 0;

        var billing = VerifyBilling(applied, unresolved, observed, checks);
        lost += billing.Lost;
        twice += billing.Twice;
        VerifyStock(applied, unresolved, observed, checks);
        var alerts = VerifyAlerts(applied, unresolved, observed, checks);
        lost += alerts.Lost;
        twice += alerts.Twice;

        var deliberate = acknowledgements.Where(a => a.Operation.IsDeliberateDuplicate).ToList();
        var answeredDuplicate = deliberate.Count(a => a.Duplicate);
        checks.Add(new ChaosCheck(
            "deliberate duplicates answered duplicate: true",
            answeredDuplicate == deliberate.Count,
            $"{answeredDuplicate} of {deliberate.Count}" + Offenders(deliberate.Where(a => !a.Duplicate).Select(a => a.Operation.Key))));

        return new ChaosVerification(
            applied.Select(a => a.Operation.Key).Distinct(StringComparer.Ordinal).LongCount(),
            lost,
            twice,
            deliberate.Count + unresolved.Count(o => o.IsDeliberateDuplicate),
            answeredDuplicate,
            acknowledgements.Count(a => a.Attempts > 1 && a.Duplicate && !a.Operation.IsDeliberateDuplicate),
            checks);
    }

    private static (long Lost, long Twice) VerifyBilling(
        List<Acknowledgement> applied, IReadOnlyList<ChaosOperation> unresolved, ChaosObservations observed, List<ChaosCheck> checks)
    {
        long lost = 0, twice = 0;
        var missing = new List<string>();
        var doubled = new List<string>();
        var unexpected = new List<string>();
        var wrongBalance = new List<string>();
        var acknowledged = DistinctByKey(applied.Select(a => a.Operation).Where(o => o.IsBilling));
        var pending = DistinctByKey(unresolved.Where(o => o.IsBilling));
        var accounts = acknowledged.Values.Select(o => o.Target).Concat(observed.Ledgers.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            var rows = observed.Ledgers.GetValueOrDefault(account) ?? [];
            var onLedger = rows.GroupBy(r => (r.Source, r.Seq)).ToDictionary(g => g.Key, g => g.Count());
            long expectedBalance = 0;
            foreach (var operation in acknowledged.Values.Where(o => o.Target == account))
            {
                var count = onLedger.GetValueOrDefault((operation.Source, operation.Seq));
                if (count == 0)
                {
                    lost++;
                    missing.Add(operation.Key);
                }
                else if (count > 1)
                {
                    twice += count - 1;
                    doubled.Add(operation.Key);
                }
                expectedBalance += operation.BalanceEffectMinor;
            }
            foreach (var ((source, seq), count) in onLedger)
            {
                var known = acknowledged.Values.Concat(pending.Values)
                    .FirstOrDefault(o => o.Target == account && o.Source == source && o.Seq == seq);
                if (known is null)
                {
                    unexpected.Add($"{account}/{source}/{seq}");
                    continue;
                }
                if (pending.ContainsKey(known.Key) && !acknowledged.ContainsKey(known.Key))
                {
                    // Unanswered but applied: it counts towards the balance (once, however many rows, which doubled reports).
                    expectedBalance += known.BalanceEffectMinor;
                    if (count > 1)
                    {
                        twice += count - 1;
                        doubled.Add(known.Key);
                    }
                }
            }
            var balance = observed.Balances.GetValueOrDefault(account);
            var actualBalance = balance?.BalanceMinor.GetValueOrDefault("USD") ?? 0;
            var eventCount = balance?.EventCount ?? 0;
            if (actualBalance != expectedBalance || eventCount != rows.Count)
            {
                wrongBalance.Add($"{account}: balance {actualBalance} expected {expectedBalance}, events {eventCount} ledger rows {rows.Count}");
            }
        }
        checks.Add(new ChaosCheck("every acknowledged billing event on its ledger", missing.Count == 0,
            $"{acknowledged.Count} acknowledged, {missing.Count} missing" + Offenders(missing)));
        checks.Add(new ChaosCheck("no billing event on a ledger twice", doubled.Count == 0,
            $"{doubled.Count} doubled" + Offenders(doubled)));
        checks.Add(new ChaosCheck("no ledger row that was never sent", unexpected.Count == 0,
            $"{unexpected.Count} unexpected" + Offenders(unexpected)));
        checks.Add(new ChaosCheck("balances equal the acknowledged sums", wrongBalance.Count == 0,
            $"{observed.Balances.Count} account(s), {wrongBalance.Count} wrong" + Offenders(wrongBalance)));
        return (lost, twice);
    }

    private static void VerifyStock(
        List<Acknowledgement> applied, IReadOnlyList<ChaosOperation> unresolved, ChaosObservations observed, List<ChaosCheck> checks)
    {
        var acknowledged = DistinctByKey(applied.Select(a => a.Operation).Where(o => o.Kind is ChaosOperationKind.Receive or ChaosOperationKind.Reserve or ChaosOperationKind.Confirm));
        var pending = DistinctByKey(unresolved.Where(o => o.Kind is ChaosOperationKind.Receive or ChaosOperationKind.Reserve or ChaosOperationKind.Confirm));
        var negative = new List<string>();
        var received = new List<string>();
        var held = new List<string>();
        var committed = new List<string>();
        var skus = acknowledged.Values.Select(o => o.Target).Concat(observed.Stock.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            var buckets = observed.Stock.GetValueOrDefault(sku) ?? StockBuckets.Empty;
            if (buckets.Available < 0 || buckets.Reserved < 0 || buckets.Committed < 0 || buckets.Shipped < 0 || buckets.Damaged < 0 || buckets.InTransit < 0)
            {
                negative.Add($"{sku}: {buckets}");
            }
            var (receivedMin, receivedMax) = Bounds(acknowledged, pending, sku, ChaosOperationKind.Receive);
            if (buckets.Total < receivedMin || buckets.Total > receivedMax)
            {
                received.Add($"{sku}: on the books {buckets.Total}, acknowledged receipts {receivedMin}" + (receivedMax > receivedMin ? $"..{receivedMax}" : ""));
            }
            var (heldMin, heldMax) = Bounds(acknowledged, pending, sku, ChaosOperationKind.Reserve);
            if (buckets.Reserved + buckets.Committed < heldMin || buckets.Reserved + buckets.Committed > heldMax)
            {
                held.Add($"{sku}: reserved+committed {buckets.Reserved + buckets.Committed}, acknowledged reservations {heldMin}" + (heldMax > heldMin ? $"..{heldMax}" : ""));
            }
            var (confirmedMin, confirmedMax) = Bounds(acknowledged, pending, sku, ChaosOperationKind.Confirm);
            if (buckets.Committed < confirmedMin || buckets.Committed > confirmedMax)
            {
                committed.Add($"{sku}: committed {buckets.Committed}, acknowledged confirmations {confirmedMin}" + (confirmedMax > confirmedMin ? $"..{confirmedMax}" : ""));
            }
        }
        checks.Add(new ChaosCheck("no negative stock bucket", negative.Count == 0, $"{observed.Stock.Count} SKU(s)" + Offenders(negative)));
        checks.Add(new ChaosCheck("units on the books equal acknowledged receipts", received.Count == 0, $"{received.Count} SKU(s) off" + Offenders(received)));
        checks.Add(new ChaosCheck("reserved+committed equal acknowledged reservations", held.Count == 0, $"{held.Count} SKU(s) off" + Offenders(held)));
        checks.Add(new ChaosCheck("committed equals acknowledged confirmations", committed.Count == 0, $"{committed.Count} SKU(s) off" + Offenders(committed)));
    }

    private static (long Lost, long Twice) VerifyAlerts(
        List<Acknowledgement> applied, IReadOnlyList<ChaosOperation> unresolved, ChaosObservations observed, List<ChaosCheck> checks)
    {
        var alerts = applied.Where(a => a.Operation.Kind == ChaosOperationKind.Alert)
            .GroupBy(a => a.Operation.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().CaseId ?? "", StringComparer.Ordinal);
        var pending = DistinctByKey(unresolved.Where(o => o.Kind == ChaosOperationKind.Alert)).Keys.Count(k => !alerts.ContainsKey(k));
        long lost = 0;
        var lostCases = new List<string>();
        foreach (var group in alerts.GroupBy(p => p.Value, StringComparer.Ordinal))
        {
            var found = observed.Cases.GetValueOrDefault(group.Key);
            var deficit = group.Count() - (found?.AlertCount ?? 0);
            if (deficit > 0)
            {
                lost += deficit;
                lostCases.Add(found is null ? $"{group.Key}: case missing ({group.Count()} alert(s))" : $"{group.Key}: {found.AlertCount} alert(s), {group.Count()} acknowledged");
            }
        }
        var total = observed.TenantCases.Sum(c => (long)c.AlertCount);
        var twice = Math.Max(0, total - (alerts.Count + pending));
        checks.Add(new ChaosCheck("no acknowledged alert's case lost", lostCases.Count == 0,
            $"{alerts.Count} alert(s) in {alerts.Values.Distinct().Count()} case(s)" + Offenders(lostCases)));
        checks.Add(new ChaosCheck("no alert counted twice", twice == 0,
            $"{total} alert(s) in {observed.TenantCases.Count} case(s), {alerts.Count} acknowledged" + (pending > 0 ? $" + {pending} unanswered" : "")));
        return (lost, twice);
    }

    private static (long Min, long Max) Bounds(
        Dictionary<string, ChaosOperation> acknowledged, Dictionary<string, ChaosOperation> pending, string target, ChaosOperationKind kind)
    {
        var min = acknowledged.Values.Where(o => o.Target == target && o.Kind == kind).Sum(o => o.Quantity);
        var extra = pending.Values.Where(o => o.Target == target && o.Kind == kind && !acknowledged.ContainsKey(o.Key)).Sum(o => o.Quantity);
        return (min, min + extra);
    }

    private static Dictionary<string, ChaosOperation> DistinctByKey(IEnumerable<ChaosOperation> operations)
    {
        var byKey = new Dictionary<string, ChaosOperation>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            byKey.TryAdd(operation.Key, operation);
        }
        return byKey;
    }

    private static string Offenders(IEnumerable<string> offenders)
    {
        var list = offenders.Take(ShownOffenders + 1).ToList();
        return list.Count == 0 ? "" : ": " + string.Join("; ", list.Take(ShownOffenders)) + (list.Count > ShownOffenders ? "; ..." : "");
    }
}
