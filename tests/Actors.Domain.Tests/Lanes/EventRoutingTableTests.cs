using Actors.Contracts.Errors;
using Actors.Domain.Lanes;

namespace Actors.Domain.Tests.Lanes;

public sealed class EventRoutingTableTests
{
    [Theory]
    [InlineData("UsageRecorded", Lane.Bulk)]
    [InlineData("PaymentReceived", Lane.Critical)]
    [InlineData("AdjustmentPosted", Lane.Critical)]
    [InlineData("StockReserved", Lane.Critical)]
    [InlineData("ShipmentDelivered", Lane.Critical)]
    [InlineData("AlertRaised", Lane.Critical)]
    [InlineData("PrincipalDisabled", Lane.Critical)]
    [InlineData("LoginAttempt", Lane.Bulk)]
    [InlineData("ScannerPing", Lane.Bulk)]
    [InlineData("EndpointLog", Lane.Bulk)]
    public void Defaults_follow_the_design(string type, Lane lane) => Assert.Equal(lane, new EventRoutingTable().Route(type).Lane);

    [Fact]
    public void Unknown_type_is_rejected_not_guessed()
    {
        var error = Assert.Throws<InvalidEventException>(() => new EventRoutingTable().Route("UsageRecord"));
        Assert.Contains("unknown event type 'UsageRecord'", error.Message);
    }

    [Fact]
    public void Configuration_can_move_a_type_to_the_other_lane()
    {
        var table = new EventRoutingTable(new Dictionary<string, string> { ["UsageRecorded"] = "critical" });
        Assert.Equal(Lane.Critical, table.Route("UsageRecorded").Lane);
    }

    [Theory]
    [InlineData("NoSuchType", "bulk", "unknown event type")]
    [InlineData("UsageRecorded", "fast", "lanes are 'critical' and 'bulk'")]
    public void Bad_overrides_are_rejected_at_start(string type, string lane, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new EventRoutingTable(new Dictionary<string, string> { [type] = lane }));
        Assert.Contains(message, error.Message);
    }
}
