using Actors.Grains.Billing;
using Actors.Streaming.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Actors.IntegrationTests.Kafka;

/// <summary>A silo with the Kafka lanes and the probe as the only lane consumer.</summary>
internal static class KafkaTestSilo
{
    public static void Configure(ISiloBuilder silo, Action<KafkaLaneOptions> lanes)
    {
        silo.AddKafkaLanes(lanes);
        // Actors' own grains (AccountGrain consumes `account` too) need services these silos do not have.
        silo.Services.PostConfigure<GrainTypeOptions>(grains =>
            grains.Classes.RemoveWhere(grain => grain.Assembly == typeof(AccountGrain).Assembly));
    }
}
