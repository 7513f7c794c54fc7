namespace Actors.Cli.Chaos;

/// <summary>A progress report of a running chaos run.</summary>
/// <param name="Phase">What the run is doing: starting, load, draining, verifying, reconciling, stopping.</param>
/// <param name="LoadSeconds">Seconds of load so far.</param>
/// <param name="Acknowledged">Operations acknowledged so far.</param>
/// <param name="InFlight">Calls without an answer right now.</param>
/// <param name="Kills">Silos killed so far.</param>
public sealed record ChaosProgress(string Phase, double LoadSeconds, long Acknowledged, int InFlight, int Kills);
