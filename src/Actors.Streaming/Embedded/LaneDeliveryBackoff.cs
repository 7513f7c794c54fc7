using Orleans.Runtime.Providers;

namespace Actors.Streaming.Embedded;

/// <summary>
/// The wait between delivery attempts of a lane: fixed, so that the lane's time budget
/// (<see cref="EmbeddedLaneSettings.DeliveryBudget"/>) buys a known number of attempts. Orleans' default is exponential
/// from one second, which would make a budget of a few attempts last minutes.
/// </summary>
internal sealed class LaneDeliveryBackoff(TimeSpan delay) : IMessageDeliveryBackoffProvider
{
    public TimeSpan Next(int attempt) => delay;
}
