using System.Diagnostics;
using Actors.Client;

namespace Actors.Cli.Chaos;

/// <summary>
/// One chaos run from start to verdict: a fresh database, N silo processes, mixed load through the SDK while a random
/// silo is SIGKILLed and restarted, then the acknowledgement log checked against what the cluster holds. The silos are
/// stopped whatever happens (failure, Ctrl-C).
/// </summary>
public sealed class ChaosRun(ChaosSettings settings)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ReconciliationTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs it; <paramref name="progress"/> is called with the phase and counts about twice a second.</summary>
    public async Task<ChaosReport> RunAsync(Action<ChaosProgress> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.RunDirectory);
        var epoch = DateTimeOffset.UtcNow;
        var tenant = $"chaos-{epoch:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var clusterId = $"chaos-{Guid.NewGuid().ToString("N")[..10]}";
        progress(new ChaosProgress("creating the database", 0, 0, 0, 0));
        var database = await ChaosDatabase.CreateAsync(settings.PostgresServer, epoch, cancellationToken);
        try
        {
            progress(new ChaosProgress($"starting {settings.Silos} silo(s)", 0, 0, 0, 0));
            await using var cluster = await ChaosCluster.StartAsync(
                settings.Silos, settings.Silo, settings.RunDirectory, database.ConnectionString, clusterId, cancellationToken);
            await using var client = await ActorsClient.ConnectAsync(new ActorsClientOptions
            {
                Profile = ClusterProfile.Cluster,
                PostgresConnectionString = database.ConnectionString,
                ClusterId = clusterId,
                ConnectTimeout = TimeSpan.FromSeconds(60),
                // A call whose silo was killed fails over quickly; the load generator, not the SDK, keeps retrying it.
                ResponseTimeout = TimeSpan.FromSeconds(10),
                Retry = { MaxRetryAttempts = 1 },
                TlsCertificateFile = null,
                TlsCaFile = null,
            }, cancellationToken);
            return await DriveAndVerifyAsync(cluster, client, database, tenant, epoch, progress, cancellationToken);
        }
        finally
        {
            progress(new ChaosProgress("stopping", 0, 0, 0, 0));
            if (settings.DropDatabase)
            {
                await database.DropAsync(CancellationToken.None);
            }
        }
    }

    private async Task<ChaosReport> DriveAndVerifyAsync(
        ChaosCluster cluster, ActorsClient client, ChaosDatabase database, string tenant, DateTimeOffset epoch,
        Action<ChaosProgress> progress, CancellationToken cancellationToken)
    {
        using var log = new AcknowledgementLog(Path.Combine(settings.RunDirectory, "acknowledgements.jsonl"));
        var sender = new ChaosOperationSender(client, tenant);
        var workload = new ChaosWorkload(settings, epoch);
        var generator = new ChaosLoadGenerator(sender.SendAsync, ChaosOperationSender.IsTransient, workload, log);
        var killer = new ChaosKiller(cluster.Silos, settings.KillEvery, settings.Seed);

        var clock = Stopwatch.StartNew();
        using var killerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        killerStop.CancelAfter(settings.Duration);
        var killing = killer.RunAsync(killerStop.Token, cancellationToken);
        var loading = generator.RunAsync(settings.OperationsPerSecond, settings.Duration, settings.MaxInFlight, settings.DrainTimeout, cancellationToken);
        try
        {
            using var ticks = new PeriodicTimer(ProgressInterval);
            while (!loading.IsCompleted && await ticks.WaitForNextTickAsync(cancellationToken))
            {
                var phase = clock.Elapsed < settings.Duration ? "load" : "draining";
                progress(new ChaosProgress(phase, Math.Min(clock.Elapsed.TotalSeconds, settings.Duration.TotalSeconds),
                    generator.AcknowledgedCount, generator.InFlight, killer.Kills.Count));
            }
        }
        finally
        {
            // Whatever ended the loop (Ctrl-C included), no call and no restart may still run when the silos are stopped;
            // their outcome is observed below, or dropped with the interruption.
            await Task.WhenAny(loading);
            killerStop.Cancel();
            await Task.WhenAny(killing);
        }
        var tally = await loading;
        await killing;

        progress(new ChaosProgress("verifying", tally.LoadSeconds, tally.Acknowledged, tally.Unresolved.Count, killer.Kills.Count));
        var acknowledgements = log.Snapshot();
        var reader = new ChaosStateReader(client, tenant);
        var observed = await reader.ReadAsync(
            Enumerable.Range(0, settings.Accounts).Select(ChaosWorkload.Account),
            Enumerable.Range(0, settings.Skus).Select(ChaosWorkload.Sku),
            acknowledgements.Select(a => a.CaseId).OfType<string>().Distinct(StringComparer.Ordinal),
            cancellationToken);
        var verification = ChaosVerifier.Verify(acknowledgements, tally.Unresolved, observed);

        progress(new ChaosProgress("reconciling", tally.LoadSeconds, tally.Acknowledged, tally.Unresolved.Count, killer.Kills.Count));
        var reconciliation = await new ChaosReconciliation(client, tenant).CheckAsync(epoch.ToString("yyyy-MM"), ReconciliationTimeout, cancellationToken);

        var kills = killer.Kills;
        var checks = new List<ChaosCheck>
        {
            new("every killed silo came back", kills.All(k => k.Survived),
                $"{kills.Count(k => k.Survived)} of {kills.Count}" + string.Concat(kills.Where(k => !k.Survived).Take(1).Select(k => $": silo {k.Silo}: {k.Error}"))),
            new("no call refused with a definite error", tally.Failures.Count == 0,
                $"{tally.Failures.Count} refused" + string.Concat(tally.Failures.Take(3).Select(f => $"; {f}"))),
            new("every call answered by the end", tally.Unresolved.Count == 0,
                $"{tally.Unresolved.Count} unanswered after a {settings.DrainTimeout.TotalSeconds:0} s drain"),
        };
        checks.AddRange(verification.Checks);
        checks.Add(reconciliation);

        return new ChaosReport(
            tenant, database.Name, cluster.ClusterId, settings.Seed, settings.Silos, settings.OperationsPerSecond,
            Math.Round(tally.AcknowledgedPerSecond, 1), Math.Round(tally.LoadSeconds, 1), tally.Started, tally.Retries, tally.Skipped, tally.Unresolved.Count,
            kills.Count(k => k.Survived), kills, verification.EventsAcknowledged, verification.Lost, verification.AppliedTwice,
            verification.DuplicatesSent, verification.DuplicatesAnswered, verification.RetriedDuplicates, checks, log.FilePath!);
    }
}
