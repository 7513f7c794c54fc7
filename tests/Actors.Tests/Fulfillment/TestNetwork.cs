namespace Actors.Tests.Fulfillment;

/// <summary>
/// The small network the fulfillment tests run against; the tests compute their expected optima by hand from these numbers.
/// Region <c>north</c> is served by three locations; <c>far</c> ships only to <c>south</c>, so its stock must never be offered
/// for a northern order.
/// </summary>
internal static class TestNetwork
{
    public const string Region = "north";
    public const string Warehouse = "wh-a";
    public const string Store = "st-b";
    public const string Depot = "wh-c";
    public const string Far = "far";

    public const long LatenessPerUnitDay = 100;
    public const long SplitPenalty = 500;

    /// <summary>wh-a ships north at 400/unit in 1 day.</summary>
    public const long WarehouseCost = 400;
    public const int WarehouseDays = 1;

    /// <summary>st-b ships north at 250/unit in 3 days.</summary>
    public const long StoreCost = 250;
    public const int StoreDays = 3;

    /// <summary>wh-c ships north at 300/unit in 2 days.</summary>
    public const long DepotCost = 300;
    public const int DepotDays = 2;

    public static readonly IReadOnlyList<string> NorthLocations = [Warehouse, Store, Depot];

    public static string Json => $$"""
        {
          "weights": { "latenessPenaltyPerUnitDay": {{LatenessPerUnitDay}}, "splitPenalty": {{SplitPenalty}} },
          "locations": [
            { "id": "{{Warehouse}}", "kind": "warehouse", "handlingCapacity": 1000,
              "lanes": [ { "region": "{{Region}}", "costPerUnit": {{WarehouseCost}}, "transitDays": {{WarehouseDays}} } ] },
            { "id": "{{Store}}", "kind": "store", "handlingCapacity": 1000,
              "lanes": [ { "region": "{{Region}}", "costPerUnit": {{StoreCost}}, "transitDays": {{StoreDays}} } ] },
            { "id": "{{Depot}}", "kind": "warehouse", "handlingCapacity": 1000,
              "lanes": [ { "region": "{{Region}}", "costPerUnit": {{DepotCost}}, "transitDays": {{DepotDays}} } ] },
            { "id": "{{Far}}", "kind": "warehouse", "handlingCapacity": 1000,
              "lanes": [ { "region": "south", "costPerUnit": 100, "transitDays": 1 } ] }
          ]
        }
        """;
}
