using Actors.Fulfillment;

namespace Actors.Benchmarks;

/// <summary>
/// Seeded generator of a fulfillment network and orders over it. Shaped like a retailer: one location in five is a
/// warehouse that ships everywhere with ample capacity and deep stock; the rest are stores that ship cheaply and fast
/// to their own region (some also to a neighbour), with little capacity and shallow, patchy stock, so that the cheap
/// choice and the single-shipment choice often disagree and the solver has something to trade off.
/// </summary>
internal sealed class FulfillmentInstanceGenerator(int seed)
{
    public static readonly string[] Regions = ["north", "east", "south", "west"];

    private const int CatalogSize = 400;
    private readonly Random _random = new(seed);
    private FulfillmentNetwork? _network;

    public FulfillmentNetwork Network(int locations)
    {
        var generated = new List<FulfillmentLocation>(locations);
        for (var i = 0; i < locations; i++)
        {
            var home = i % Regions.Length;
            generated.Add(i % 5 == 0 ? Warehouse(i, home) : Store(i, home));
        }
        _network = new FulfillmentNetwork(generated, new FulfillmentWeights(LatenessPenaltyPerUnitDay: 150, SplitPenalty: 600));
        return _network;
    }

    /// <summary>An order of 1-10 lines to a random region, with stock at every location for its SKUs.</summary>
    public FulfillmentInstance Order(int number)
    {
        var network = _network ?? throw new InvalidOperationException("Generate the network before the orders.");
        var lineCount = _random.Next(1, 11);
        var lines = Enumerable.Range(0, lineCount)
            .Select(_ => new OrderLine($"sku-{_random.Next(CatalogSize)}", _random.Next(1, 6)))
            .ToList();
        var order = new OrderRequest($"order-{number}", Regions[_random.Next(Regions.Length)], _random.Next(1, 4), lines);

        var offers = new List<StockOffer>();
        foreach (var sku in lines.Select(line => line.Sku).Distinct(StringComparer.Ordinal))
        {
            foreach (var location in network.Locations)
            {
                var warehouse = location.Kind == LocationKind.Warehouse;
                if (_random.NextDouble() < (warehouse ? 0.6 : 0.35))
                {
                    offers.Add(new StockOffer(location.Id, sku, warehouse ? _random.Next(1, 60) : _random.Next(1, 9)));
                }
            }
        }
        return new FulfillmentInstance(order, offers);
    }

    private FulfillmentLocation Warehouse(int index, int home)
    {
        var lanes = new List<ShippingLane>();
        for (var r = 0; r < Regions.Length; r++)
        {
            var distance = RegionDistance(home, r);
            lanes.Add(new ShippingLane(Regions[r], _random.Next(320, 420) + distance * _random.Next(120, 200), 1 + distance + _random.Next(0, 2)));
        }
        return new FulfillmentLocation($"wh-{index:D2}", LocationKind.Warehouse, lanes, _random.Next(300, 1_000));
    }

    private FulfillmentLocation Store(int index, int home)
    {
        var lanes = new List<ShippingLane> { new(Regions[home], _random.Next(240, 340), 1) };
        if (_random.NextDouble() < 0.5)
        {
            var neighbour = (home + (_random.Next(2) == 0 ? 1 : Regions.Length - 1)) % Regions.Length;
            lanes.Add(new ShippingLane(Regions[neighbour], _random.Next(480, 680), _random.Next(2, 4)));
        }
        return new FulfillmentLocation($"store-{index:D2}", LocationKind.Store, lanes, _random.Next(5, 40));
    }

    // Regions sit on a ring: neighbours are one step apart, opposite regions two.
    private static int RegionDistance(int a, int b)
    {
        var steps = Math.Abs(a - b);
        return Math.Min(steps, Regions.Length - steps);
    }
}
