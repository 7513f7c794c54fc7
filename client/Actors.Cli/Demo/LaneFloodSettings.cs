namespace Actors.Cli.Demo;

/// <summary>How hard a lane flood drives the cluster: critical payments and bulk usage per second, spread over accounts that receive both.</summary>
public sealed record LaneFloodSettings(int CriticalRate, int BulkRate, int Accounts);
