using Actors.Contracts.Errors;
using Actors.Contracts.Events;
using Actors.Streaming.Lanes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Actors.Grains.Events;

/// <summary>
/// Reads and replays the lanes' dead-letter queues. Replay goes through the ingress, so a replayed envelope is validated and
/// routed exactly like a new publish, and is removed from the DLQ only after it is durably enqueued again.
/// </summary>
[StatelessWorker]
public sealed class LaneAdminGrain(LaneAvailability lanes) : Grain, ILaneAdminGrain
{
    public async Task<List<DeadLetterInfo>> ListDeadLetters(string lane, int max)
    {
        var letters = await DeadLetters(lane, max).ListAsync(lane, max, CancellationToken.None);
        return letters.Select(d => new DeadLetterInfo(d.Id, d.Lane, d.Envelope, d.Reason, d.FailedAt)).ToList();
    }

    public async Task<ReplayResult> ReplayDeadLetters(string lane, long? id, int max)
    {
        var queue = DeadLetters(lane, max);
        var letters = await queue.ListAsync(lane, id is null ? max : int.MaxValue, CancellationToken.None);
        var chosen = id is null ? letters.Take(max).ToList() : letters.Where(d => d.Id == id).ToList();
        if (id is not null && chosen.Count == 0)
        {
            throw new InvalidEventException($"the {lane} lane has no dead letter with id {id}.");
        }

        var ingress = GrainFactory.GetGrain<IEventIngressGrain>(0);
        int replayed = 0, rejected = 0;
        var errors = new List<string>();
        foreach (var letter in chosen)
        {
            try
            {
                await ingress.Publish(letter.Envelope with { EnqueuedAt = null });
            }
            catch (InvalidEventException refused)
            {
                rejected++;
                errors.Add($"#{letter.Id}: {refused.Message}");
                continue;
            }
            await queue.RemoveAsync(lane, letter.Id, CancellationToken.None);
            replayed++;
        }
        return new ReplayResult(replayed, rejected, errors);
    }

    public async Task<List<LaneStatusRow>> GetStatus()
    {
        if (!lanes.Enabled)
        {
            throw new InvalidEventException(lanes.DisabledReason);
        }
        var statuses = await ServiceProvider.GetRequiredService<ILaneStatusSource>().ReadAsync(CancellationToken.None);
        return statuses.Select(s => new LaneStatusRow(s.Lane, s.Partition, s.Pending, s.Committed, s.DeliveredTotal, s.DeadLetters)).ToList();
    }

    private ILaneDeadLetterQueue DeadLetters(string lane, int max)
    {
        if (!lanes.Enabled)
        {
            throw new InvalidEventException(lanes.DisabledReason);
        }
        if (!LaneNames.All.Contains(lane))
        {
            throw new InvalidEventException($"lane '{lane}' does not exist; lanes are {string.Join(" and ", LaneNames.All)}.");
        }
        if (max is < 1 or > 10_000)
        {
            throw new InvalidEventException($"max must be between 1 and 10000 (was {max}).");
        }
        return ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>();
    }
}
