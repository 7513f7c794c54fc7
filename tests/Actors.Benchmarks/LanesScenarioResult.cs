namespace Actors.Benchmarks;

/// <summary>One scenario's figures: critical end-to-end latency (publish call to ledger commit) and bulk throughput.</summary>
internal sealed record LanesScenarioResult(string Name, int CriticalEvents, double P50Milliseconds, double P99Milliseconds, int BulkEvents, double BulkEventsPerSecond);
