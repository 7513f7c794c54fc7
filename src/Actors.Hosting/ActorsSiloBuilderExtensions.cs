using System.Net;
using Actors.Domain.Lanes;
using Actors.Grains;
using Actors.Grains.Events;
using Actors.Hosting.Schema;
using Actors.Ledger;
using Actors.Streaming.Embedded;
using Actors.Streaming.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Actors.Hosting;

/// <summary>
/// The one place a silo's configuration is composed. The silo executable and every test cluster call this, so tests run the
/// production configuration.
/// </summary>
public static class ActorsSiloBuilderExtensions
{
    /// <summary>
    /// Configures clustering, grain storage, reminders, the ledger store and its group-commit writer for <paramref name="options"/>'s
    /// profile, and registers the schema start-up step and <see cref="SiloReadiness"/>.
    /// </summary>
    public static ISiloBuilder AddActors(this ISiloBuilder builder, ActorsSiloOptions options)
    {
        if (!options.HostProvidesMembership)
        {
            builder.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.EffectiveClusterId;
                o.ServiceId = options.ServiceId;
            });
        }

        if (options.Profile == ActorsProfile.Local)
        {
            ConfigureLocal(builder, options);
        }
        else
        {
            ConfigureCluster(builder, options);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(Options.Create(options.Grains));
        services.AddSingleton(options.GroupCommit);
        services.AddSingleton<GroupCommitLedgerWriter>();
        services.AddSingleton<ILedgerWriter>(sp => sp.GetRequiredService<GroupCommitLedgerWriter>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Shutdown.LedgerWriterShutdown>();
        services.AddSingleton<StorageStartup>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<StorageStartup>());
        services.AddSingleton(new EventRoutingTable(options.Lanes.Routing));
        services.TryAddSingleton(new LaneAvailability(false, "this silo has no lanes configured; events can only be recorded by direct calls."));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiloReadiness>();
        services.AddActorsInvoicing(options);
        services.AddActorsReconciliation(options);
        services.AddActorsInventory(options);
        services.AddActorsFulfillment(options);
        services.AddActorsDetection(options);
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SiloReadiness>());
        Health.HealthHosting.AddActorsHealth(services);
        builder.AddActorsProjections(options);
        builder.AddActorsTls(options);
        builder.AddIncomingGrainCallFilter<Faults.StoreFailureCallFilter>();
        return builder;
    }

    private static void ConfigureLocal(ISiloBuilder builder, ActorsSiloOptions options)
    {
        OrleansSchemaInstaller.RegisterProviderFactories();
        if (!options.HostProvidesMembership)
        {
            // Bound to loopback only: the local profile is a developer's embedded cluster, not reachable from the network.
            builder.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.EffectiveClusterId);
        }
        builder.AddAdoNetGrainStorage(ActorsGrainOptions.StorageName, o =>
        {
            o.Invariant = OrleansSchemaInstaller.SqliteInvariant;
            o.ConnectionString = LocalStorage.OrleansConnectionString(options);
        });
        builder.UseInMemoryReminderService();
        builder.Services.AddSingleton<ILedgerStore>(_ => new SqliteLedgerStore(LocalStorage.LedgerPath(options)));
        var lanes = options.Lanes.Embedded;
        builder.AddEmbeddedLanes(o =>
        {
            o.DataDirectory = options.DataPath;
            o.Critical = lanes.Critical;
            o.Bulk = lanes.Bulk;
        });
        builder.Services.AddSingleton(new LaneAvailability(true));
    }

    private static void ConfigureCluster(ISiloBuilder builder, ActorsSiloOptions options)
    {
        var postgres = options.RequirePostgres();
        if (!options.HostProvidesMembership)
        {
            builder.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = ResolveAdvertisedAddress(options);
                o.SiloPort = options.SiloPort;
                o.GatewayPort = options.GatewayPort;
            });
            builder.UseAdoNetClustering(o =>
            {
                o.Invariant = OrleansSchemaInstaller.PostgresInvariant;
                o.ConnectionString = postgres;
            });
        }
        builder.AddAdoNetGrainStorage(ActorsGrainOptions.StorageName, o =>
        {
            o.Invariant = OrleansSchemaInstaller.PostgresInvariant;
            o.ConnectionString = postgres;
        });
        builder.UseAdoNetReminderService(o =>
        {
            o.Invariant = OrleansSchemaInstaller.PostgresInvariant;
            o.ConnectionString = postgres;
        });
        builder.Services.AddSingleton<ILedgerStore>(_ => new PostgresLedgerStore(postgres));
        if (options.Lanes.KafkaConfigured)
        {
            var kafka = options.Lanes.Kafka;
            builder.AddKafkaLanes(o =>
            {
                o.BootstrapServers = kafka.BootstrapServers;
                o.Mock = kafka.Mock;
                o.Settings = kafka.Settings;
                o.ProduceTimeout = kafka.ProduceTimeout;
                o.StartupTimeout = kafka.StartupTimeout;
                o.Critical = kafka.Critical;
                o.Bulk = kafka.Bulk;
            });
            builder.Services.AddSingleton(new LaneAvailability(true));
        }
        else
        {
            builder.Services.AddSingleton(new LaneAvailability(false,
                "this cluster has no lanes: set Actors:Lanes:Kafka:BootstrapServers (or Actors:Lanes:Kafka:Mock=true to try a mock); events can still be recorded by direct calls."));
        }
    }

    private static IPAddress ResolveAdvertisedAddress(ActorsSiloOptions options)
    {
        if (options.AdvertisedAddress is { Length: > 0 } configured)
        {
            return IPAddress.Parse(configured);
        }
        var host = Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return host ?? IPAddress.Loopback;
    }
}
