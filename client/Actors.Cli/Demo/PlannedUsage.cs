using Actors.Contracts.Billing;

namespace Actors.Cli.Demo;

/// <summary>One usage event of the storm, the account it belongs to and what it must add to the balance.</summary>
public sealed record PlannedUsage(string Account, UsageRecorded Event, long ChargeMinor);
