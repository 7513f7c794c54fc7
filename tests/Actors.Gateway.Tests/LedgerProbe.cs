using Actors.Client;

namespace Actors.Gateway.Tests;

/// <summary>
/// What the cluster holds for one account, and the lanes' last offset ever given out (once the lanes have drained): equal
/// probes before and after a request mean the request wrote nothing, neither to the account nor onto any lane.
/// </summary>
public sealed record LedgerProbe(long EventCount, long LedgerPosition, long LaneLastOffset, long Delivered)
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(15);

    public static async Task<LedgerProbe> TakeAsync(ActorsClient client, string tenant, string account)
    {
        // Embedded lanes share one offset sequence; a drained partition reports the last offset given out as committed.
        var deadline = DateTime.UtcNow + DrainDeadline;
        while (true)
        {
            var lanes = await client.Events.GetLaneStatusAsync();
            if (lanes.All(r => r.Pending == 0))
            {
                var balance = await client.Billing.GetBalanceAsync(tenant, account);
                return new LedgerProbe(balance.EventCount, balance.LedgerPosition, lanes.Max(r => r.Committed), lanes.Sum(r => r.DeliveredTotal));
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the lanes did not drain within {DrainDeadline.TotalSeconds} s.");
            }
            await Task.Delay(20);
        }
    }
}
