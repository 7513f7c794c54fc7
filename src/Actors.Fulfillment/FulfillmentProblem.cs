namespace Actors.Fulfillment;

/// <summary>
/// An order, network and stock reduced to dense arrays over lines and the locations that can ship to the order's
/// region, so the solver and the heuristic price and constrain exactly the same problem.
/// </summary>
internal sealed class FulfillmentProblem
{
    private FulfillmentProblem(
        OrderRequest request,
        FulfillmentLocation[] locations,
        int[] lineSku,
        int[,] stock,
        long[,] unitCost,
        long[] shipCostPerUnit,
        long[] latenessPerUnit,
        long splitPenalty)
    {
        Request = request;
        Locations = locations;
        LineSku = lineSku;
        Stock = stock;
        UnitCost = unitCost;
        ShipCostPerUnit = shipCostPerUnit;
        LatenessPerUnit = latenessPerUnit;
        SplitPenalty = splitPenalty;
    }

    public OrderRequest Request { get; }

    /// <summary>Locations that ship to the order's region and have capacity, ordered by id so results do not depend on input order.</summary>
    public FulfillmentLocation[] Locations { get; }

    /// <summary>Per line, the index of its SKU in the first dimension of <see cref="Stock"/> (lines may share a SKU, and then share its stock).</summary>
    public int[] LineSku { get; }

    /// <summary>Available units per [sku, location].</summary>
    public int[,] Stock { get; }

    /// <summary>Shipping plus lateness per unit, per [line, location].</summary>
    public long[,] UnitCost { get; }

    public long[] ShipCostPerUnit { get; }

    public long[] LatenessPerUnit { get; }

    public long SplitPenalty { get; }

    public int LineCount => LineSku.Length;

    public int LocationCount => Locations.Length;

    public int SkuCount => Stock.GetLength(0);

    public int Quantity(int line) => Request.Lines[line].Quantity;

    public int Capacity(int location) => Locations[location].HandlingCapacity;

    /// <summary>The most units of <paramref name="line"/> one location could ship, ignoring other lines.</summary>
    public int UpperBound(int line, int location) =>
        Math.Min(Quantity(line), Math.Min(Stock[LineSku[line], location], Capacity(location)));

    /// <exception cref="ArgumentException">when the input is malformed (see the messages).</exception>
    public static FulfillmentProblem From(OrderRequest request, FulfillmentNetwork network, IReadOnlyList<StockOffer> offers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(offers);
        Validate(request, network);

        var skus = request.Lines.Select(line => line.Sku).Distinct(StringComparer.Ordinal).ToList();
        var skuIndex = skus.Select((sku, i) => (sku, i)).ToDictionary(p => p.sku, p => p.i, StringComparer.Ordinal);
        var locations = network.Locations
            .Where(location => location.HandlingCapacity > 0 && location.LaneTo(request.Region) is not null)
            .OrderBy(location => location.Id, StringComparer.Ordinal)
            .ToArray();
        var locationIndex = locations.Select((location, i) => (location.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var known = network.Locations.Select(location => location.Id).ToHashSet(StringComparer.Ordinal);

        var stock = new int[skus.Count, locations.Length];
        var seen = new HashSet<(string, string)>();
        foreach (var offer in offers)
        {
            if (!known.Contains(offer.LocationId))
            {
                throw new ArgumentException($"Stock offer names location '{offer.LocationId}', which is not in the network.", nameof(offers));
            }
            if (offer.AvailableUnits < 0)
            {
                throw new ArgumentException($"Stock offer for '{offer.Sku}' at '{offer.LocationId}' is negative ({offer.AvailableUnits}).", nameof(offers));
            }
            if (!seen.Add((offer.LocationId, offer.Sku)))
            {
                throw new ArgumentException($"Two stock offers for '{offer.Sku}' at '{offer.LocationId}'.", nameof(offers));
            }
            if (skuIndex.TryGetValue(offer.Sku, out var s) && locationIndex.TryGetValue(offer.LocationId, out var j))
            {
                stock[s, j] = offer.AvailableUnits;
            }
        }

        var weights = network.Weights;
        var ship = new long[locations.Length];
        var lateness = new long[locations.Length];
        for (var j = 0; j < locations.Length; j++)
        {
            var lane = locations[j].LaneTo(request.Region)!;
            ship[j] = lane.CostPerUnit;
            lateness[j] = weights.LatenessPenaltyPerUnitDay * Math.Max(0, lane.TransitDays - request.PromiseDays);
        }

        var lineSku = request.Lines.Select(line => skuIndex[line.Sku]).ToArray();
        var unitCost = new long[lineSku.Length, locations.Length];
        for (var l = 0; l < lineSku.Length; l++)
        {
            for (var j = 0; j < locations.Length; j++)
            {
                unitCost[l, j] = ship[j] + lateness[j];
            }
        }
        return new FulfillmentProblem(request, locations, lineSku, stock, unitCost, ship, lateness, weights.SplitPenalty);
    }

    /// <summary>
    /// Why no plan can exist, judged per SKU and by total capacity; null when these necessary conditions hold
    /// (the solver may still prove the combination infeasible).
    /// </summary>
    public string? Shortfall()
    {
        var problems = new List<string>();
        for (var s = 0; s < SkuCount; s++)
        {
            var demand = Enumerable.Range(0, LineCount).Where(l => LineSku[l] == s).Sum(l => (long)Quantity(l));
            long supply = 0;
            for (var j = 0; j < LocationCount; j++)
            {
                supply += Math.Min(Stock[s, j], Capacity(j));
            }
            if (supply < demand)
            {
                var sku = Request.Lines[Array.IndexOf(LineSku, s)].Sku;
                problems.Add($"SKU '{sku}' needs {demand} units but locations shipping to region '{Request.Region}' can supply only {supply}");
            }
        }
        var totalDemand = Request.Lines.Sum(line => (long)line.Quantity);
        var totalCapacity = Locations.Sum(location => (long)location.HandlingCapacity);
        if (totalCapacity < totalDemand)
        {
            problems.Add($"the order needs {totalDemand} units but locations shipping to region '{Request.Region}' can handle only {totalCapacity}");
        }
        return problems.Count == 0 ? null : "Insufficient stock or capacity: " + string.Join("; ", problems) + ".";
    }

    /// <summary>Prices a plan given as units per [line, location].</summary>
    public FulfillmentCost CostOf(int[,] units)
    {
        long shipping = 0;
        long lateness = 0;
        var used = 0;
        for (var j = 0; j < LocationCount; j++)
        {
            long atLocation = 0;
            for (var l = 0; l < LineCount; l++)
            {
                atLocation += units[l, j];
            }
            shipping += atLocation * ShipCostPerUnit[j];
            lateness += atLocation * LatenessPerUnit[j];
            used += atLocation > 0 ? 1 : 0;
        }
        return new FulfillmentCost(shipping, lateness, SplitPenalty * Math.Max(0, used - 1));
    }

    /// <summary>The non-zero cells of a plan, ordered by line then location id.</summary>
    public IReadOnlyList<FulfillmentAllocation> AllocationsOf(int[,] units)
    {
        var allocations = new List<FulfillmentAllocation>();
        for (var l = 0; l < LineCount; l++)
        {
            for (var j = 0; j < LocationCount; j++)
            {
                if (units[l, j] > 0)
                {
                    allocations.Add(new FulfillmentAllocation(l, Request.Lines[l].Sku, Locations[j].Id, units[l, j]));
                }
            }
        }
        return allocations;
    }

    private static void Validate(OrderRequest request, FulfillmentNetwork network)
    {
        if (request.Lines.Count == 0)
        {
            throw new ArgumentException($"Order '{request.OrderId}' has no lines.", nameof(request));
        }
        if (request.PromiseDays < 0)
        {
            throw new ArgumentException($"Order '{request.OrderId}' has a negative promise ({request.PromiseDays} days).", nameof(request));
        }
        for (var l = 0; l < request.Lines.Count; l++)
        {
            if (request.Lines[l].Quantity <= 0)
            {
                throw new ArgumentException($"Order '{request.OrderId}' line {l} ('{request.Lines[l].Sku}') has quantity {request.Lines[l].Quantity}; it must be at least 1.", nameof(request));
            }
        }
        if (network.Weights.LatenessPenaltyPerUnitDay < 0 || network.Weights.SplitPenalty < 0)
        {
            throw new ArgumentException("Fulfillment weights must not be negative.", nameof(network));
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var location in network.Locations)
        {
            if (!ids.Add(location.Id))
            {
                throw new ArgumentException($"Location id '{location.Id}' appears twice in the network.", nameof(network));
            }
            if (location.HandlingCapacity < 0)
            {
                throw new ArgumentException($"Location '{location.Id}' has a negative handling capacity.", nameof(network));
            }
            if (location.Lanes.Any(lane => lane.CostPerUnit < 0 || lane.TransitDays < 0))
            {
                throw new ArgumentException($"Location '{location.Id}' has a lane with a negative cost or transit time.", nameof(network));
            }
        }
    }
}
