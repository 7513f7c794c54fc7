using Actors.Contracts.Billing;

namespace Actors.Domain.Tests.Billing.Simulation;

/// <summary>One arrival of an event at the grain; <c>Malformed</c> ones must be rejected without writing anything.</summary>
internal sealed record ScheduledDelivery(BillingEvent Event, bool Malformed);
