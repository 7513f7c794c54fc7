using Actors.Fulfillment;

namespace Actors.Domain.Tests.Fulfillment;

public sealed class FulfillmentNetworkJsonTests
{
    private const string Valid = """
        {
          "weights": { "latenessPenaltyPerUnitDay": 150, "splitPenalty": 600 },
          "locations": [
            { "id": "wh-1", "kind": "warehouse", "handlingCapacity": 500,
              "lanes": [ { "region": "north", "costPerUnit": 350, "transitDays": 1 },
                         { "region": "south", "costPerUnit": 700, "transitDays": 3 } ] },
            { "id": "store-1", "kind": "store", "handlingCapacity": 0,
              "lanes": [ { "region": "north", "costPerUnit": 0, "transitDays": 0 } ] }
          ]
        }
        """;

    [Fact]
    public void Parses_weights_locations_and_lanes_in_document_order()
    {
        var network = FulfillmentNetworkJson.Parse(Valid);

        Assert.Equal(new FulfillmentWeights(150, 600), network.Weights);
        Assert.Equal(["wh-1", "store-1"], network.Locations.Select(l => l.Id));
        var warehouse = network.Locations[0];
        Assert.Equal(LocationKind.Warehouse, warehouse.Kind);
        Assert.Equal(500, warehouse.HandlingCapacity);
        Assert.Equal([new ShippingLane("north", 350, 1), new ShippingLane("south", 700, 3)], warehouse.Lanes);
        Assert.Equal(LocationKind.Store, network.Locations[1].Kind);
        Assert.Equal(0, network.Locations[1].HandlingCapacity);
    }

    [Theory]
    [InlineData("\"id\": \"store-1\"", "\"id\": \"wh-1\"", "locations[1].id", "wh-1")]
    [InlineData("\"costPerUnit\": 700", "\"costPerUnit\": -5", "locations[0].lanes[1].costPerUnit", "negative")]
    [InlineData("\"handlingCapacity\": 500", "\"handlingCapacity\": -1", "locations[0].handlingCapacity", "negative")]
    [InlineData("\"transitDays\": 3", "\"transitDays\": -2", "locations[0].lanes[1].transitDays", "negative")]
    [InlineData("\"kind\": \"store\"", "\"kind\": \"depot\"", "locations[1].kind", "depot")]
    [InlineData("\"splitPenalty\": 600", "\"splitPenalty\": -600", "weights.splitPenalty", "negative")]
    [InlineData("\"latenessPenaltyPerUnitDay\": 150", "\"latenessPenaltyPerUnitDay\": 1.5", "weights.latenessPenaltyPerUnitDay", "whole number")]
    [InlineData("\"region\": \"south\"", "\"region\": \"north\"", "locations[0].lanes[1].region", "north")]
    [InlineData("\"handlingCapacity\": 500", "\"handlingCapacity\": \"500\"", "locations[0].handlingCapacity", "a number")]
    [InlineData("\"id\": \"wh-1\"", "\"id\": \"\"", "locations[0].id", "empty")]
    [InlineData("\"id\": \"wh-1\", ", "", "locations[0].id", "missing")]
    public void An_invalid_field_is_named_in_the_error(string find, string replace, string field, string detail)
    {
        var json = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        var error = Assert.Throws<FormatException>(() => FulfillmentNetworkJson.Parse(json));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_location_without_lanes_is_rejected_by_name()
    {
        var json = Valid.Replace("""[ { "region": "north", "costPerUnit": 0, "transitDays": 0 } ]""", "[]", StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        var error = Assert.Throws<FormatException>(() => FulfillmentNetworkJson.Parse(json));

        Assert.Contains("locations[1].lanes", error.Message, StringComparison.Ordinal);
        Assert.Contains("no lanes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"weights\": ", "not valid JSON")]
    [InlineData("[]", "JSON object")]
    [InlineData("{ \"weights\": { \"latenessPenaltyPerUnitDay\": 1, \"splitPenalty\": 1 }, \"locations\": [] }", "locations")]
    [InlineData("{ \"locations\": [] }", "weights is missing")]
    public void Malformed_documents_are_rejected(string json, string detail)
    {
        var error = Assert.Throws<FormatException>(() => FulfillmentNetworkJson.Parse(json));

        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_network_parses_and_serves_every_region_it_names()
    {
        var path = Path.Combine(RepositoryRoot(), "cluster-config", "fulfillment", "network.json");

        var network = FulfillmentNetworkJson.Parse(File.ReadAllText(path));

        Assert.Equal(3, network.Locations.Count(l => l.Kind == LocationKind.Warehouse));
        Assert.Equal(6, network.Locations.Count(l => l.Kind == LocationKind.Store));
        var regions = network.Locations.SelectMany(l => l.Lanes).Select(lane => lane.Region).Distinct().Order().ToList();
        Assert.Equal(["east", "north", "south", "west"], regions);
        Assert.All(network.Locations, location => Assert.True(location.HandlingCapacity > 0, location.Id));
    }

    [Fact]
    public void The_shipped_network_routes_an_order_with_the_solver()
    {
        var network = FulfillmentNetworkJson.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "cluster-config", "fulfillment", "network.json")));
        var order = new OrderRequest("order-1", "north", 2, [new OrderLine("sku-1", 3)]);
        var offers = network.Locations.Select(l => new StockOffer(l.Id, "sku-1", 10)).ToList();

        var plan = FulfillmentSolver.Solve(order, network, offers, TimeSpan.FromSeconds(5));

        Assert.Equal(FulfillmentStatus.Optimal, plan.Status);
        // The cheapest lane to the north that is on time ships all three units from one location.
        var cheapest = network.Locations
            .Select(l => (l.Id, Lane: l.LaneTo("north")))
            .Where(p => p.Lane is not null && p.Lane.TransitDays <= 2)
            .MinBy(p => p.Lane!.CostPerUnit);
        var allocation = Assert.Single(plan.Allocations);
        Assert.Equal(cheapest.Id, allocation.LocationId);
        Assert.Equal(3 * cheapest.Lane!.CostPerUnit, plan.Objective);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Actors.sln not found above {AppContext.BaseDirectory}.");
    }
}
