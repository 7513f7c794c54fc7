namespace Actors.Cli.Demo;

/// <summary>
/// How hard the telemetry-flood demo drives the cluster: telemetry per second over many principals and hosts (bulk lane),
/// payments per second to a set of accounts (critical lane), and how many brute-force attacks to plant during the flood.
/// </summary>
public sealed record TelemetryFloodSettings(int TelemetryRate, int CriticalRate, int Accounts, int Principals, int Hosts, int Attacks);
