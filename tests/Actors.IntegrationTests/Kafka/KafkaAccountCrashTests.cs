using Actors.Contracts;
using Actors.Contracts.Billing;
using Actors.Contracts.Events;
using Actors.Hosting;
using Actors.IntegrationTests.OrleansSchema;
using Actors.Streaming.Kafka;
using Actors.Streaming.Lanes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.IntegrationTests.Kafka;

/// <summary>
/// The production composition (AddActors, cluster profile: PostgreSQL ledger and grain state, Kafka lanes) on two silos
/// sharing one Kafka (the mock, or KAFKA_BOOTSTRAP). A silo that owns partitions is killed while events flow: every
/// acknowledged publish takes effect on its account exactly once.
/// </summary>
public sealed class KafkaAccountCrashTests : IAsyncLifetime
{
    private const int Accounts = 8;
    private const int EventsPerAccount = 40;
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private KafkaMockCluster? _mock;
    private FreshPostgresDatabase _database = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await FreshPostgresDatabase.CreateAsync(CancellationToken.None);
        var bootstrap = Environment.GetEnvironmentVariable("KAFKA_BOOTSTRAP");
        if (string.IsNullOrWhiteSpace(bootstrap))
        {
            _mock = KafkaMockCluster.Start(brokers: 3);
            bootstrap = _mock.BootstrapServers;
        }

        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        var postgres = _database.ConnectionString;
        var run = _run;
        builder.ConfigureSilo((_, silo) =>
        {
            var options = new ActorsSiloOptions
            {
                Profile = ActorsProfile.Cluster,
                PostgresConnectionString = postgres,
                HostProvidesMembership = true,
            };
            options.Lanes.Kafka.BootstrapServers = bootstrap;
            options.Lanes.Kafka.Critical.Topic = $"actors.crash.{run}.critical";
            options.Lanes.Kafka.Critical.ConsumerGroup = $"actors.crash.{run}.critical";
            options.Lanes.Kafka.Bulk.Topic = $"actors.crash.{run}.bulk";
            options.Lanes.Kafka.Bulk.ConsumerGroup = $"actors.crash.{run}.bulk";
            silo.AddActors(options);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _mock?.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_acknowledged_publish_takes_effect_once_after_a_silo_is_killed()
    {
        var ingress = _cluster.Client.GetGrain<IEventIngressGrain>(0);
        var half = EventsPerAccount / 2;
        await ingress.PublishBatch(Envelopes(1, half));

        await _cluster.KillSiloAsync(_cluster.Silos[^1]);

        // The rest goes in after the kill, and the first half again: a producer retrying what it is unsure of.
        await PublishWithRetryAsync(Envelopes(half + 1, EventsPerAccount));
        await PublishWithRetryAsync(Envelopes(1, half));

        for (var a = 0; a < Accounts; a++)
        {
            var account = _cluster.Client.GetGrain<IAccountGrain>(EntityKey.Format("crash", $"acc-{a}"));
            var deadline = DateTime.UtcNow.AddSeconds(90);
            var balance = await account.GetBalance();
            while (balance.EventCount < EventsPerAccount && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
                balance = await account.GetBalance();
            }
            Assert.Equal(EventsPerAccount, balance.EventCount);
            Assert.Equal(Enumerable.Range(1, EventsPerAccount).Sum(), balance.BalanceMinor["USD"]);
        }
    }

    [Fact]
    public async Task A_dead_letter_replayed_from_the_kafka_dlq_takes_effect_once()
    {
        var envelope = new EventEnvelope("crash", "dlq-acc", "bank", 1, "PaymentReceived", At, """{"amountMinor":70,"currency":"USD"}""");
        // As if the critical lane had given up on it after its delivery attempts.
        var queue = _cluster.Silos[0].ServiceProvider.GetRequiredService<ILaneDeadLetterQueue>();
        await queue.AddAsync(LaneNames.Critical, envelope, "delivery failed 5 times", CancellationToken.None);
        var admin = _cluster.Client.GetGrain<ILaneAdminGrain>(0);
        var letter = (await admin.ListDeadLetters(LaneNames.Critical, 1000)).Single(d => d.Envelope.Entity == "dlq-acc");

        var first = await admin.ReplayDeadLetters(LaneNames.Critical, letter.Id, 1);
        await _cluster.Client.GetGrain<IEventIngressGrain>(0).Publish(envelope);

        Assert.Equal(1, first.Replayed);
        Assert.DoesNotContain(await admin.ListDeadLetters(LaneNames.Critical, 1000), d => d.Id == letter.Id);
        var account = _cluster.Client.GetGrain<IAccountGrain>(EntityKey.Format("crash", "dlq-acc"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var balance = await account.GetBalance();
        while (balance.EventCount < 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            balance = await account.GetBalance();
        }
        // The replay and the producer's re-publish both arrived; the ledger has the payment once.
        var ledger = await account.GetLedger(1, 10);
        Assert.Single(ledger);
        Assert.Equal(-70, balance.BalanceMinor["USD"]);
    }

    private async Task PublishWithRetryAsync(List<EventEnvelope> envelopes)
    {
        // Right after the kill, calls routed to the dead silo fail until membership declares it dead; the SDK would retry
        // them, and so does this test, with the same envelopes (safe: consumers dedup).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await _cluster.Client.GetGrain<IEventIngressGrain>(0).PublishBatch(envelopes);
                return;
            }
            catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static List<EventEnvelope> Envelopes(int fromSeq, int toSeq) =>
        Enumerable.Range(0, Accounts).SelectMany(a => Enumerable.Range(fromSeq, toSeq - fromSeq + 1).Select(seq =>
            new EventEnvelope("crash", $"acc-{a}", "meter", seq, "UsageRecorded", At.AddSeconds(seq),
                $$"""{"meter":"api","quantity":{{seq}},"unitPriceMinor":1,"currency":"USD"}"""))).ToList();
}
