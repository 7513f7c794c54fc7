using Actors.Client.Billing;
using Actors.Client.Connection;
using Actors.Client.Events;
using Actors.Client.Inventory;
using Actors.Client.Invoicing;
using Actors.Client.Orders;
using Actors.Client.Reconciliation;
using Actors.Client.Resilience;
using Actors.Client.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Actors.Client;

/// <summary>
/// A connection to an Actors cluster and the typed APIs over it. Create one with <see cref="ConnectAsync"/> (it owns
/// the Orleans client and stops it on dispose) or wrap a client you already have with <see cref="FromClusterClient"/>.
/// One instance is meant to be shared by the whole process; it is thread-safe.
/// </summary>
public sealed class ActorsClient : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly IHost? _ownedHost;

    private ActorsClient(IClusterClient clusterClient, ActorsClientOptions options, IHost? ownedHost)
    {
        ClusterClient = clusterClient;
        Options = options;
        _ownedHost = ownedHost;
        var retry = CallRetryPipeline.Create(options.Retry);
        Billing = new BillingClient(
            clusterClient,
            retry,
            options.TimeProvider,
            Unavailable(options, "A record call may or may not have been applied; sending the same (source, seq) again is safe."));
        Events = new EventsClient(
            clusterClient,
            retry,
            Unavailable(options, "The events may or may not have been enqueued; publishing the same envelopes again is safe."));
        Invoices = new InvoicesClient(
            clusterClient,
            retry,
            Unavailable(options, "The invoices may or may not have been issued; issuing again returns them and never issues twice."));
        Reconciliation = new ReconciliationClient(
            clusterClient,
            retry,
            Unavailable(options, "The command may or may not have taken effect; repeating it is safe."));
        Projections = new Projections.ProjectionsClient(clusterClient, retry, Unavailable(options, "Reads are safe to repeat; a rebuild request may have started one, and repeating it returns the running one."));
        Inventory = new InventoryClient(
            clusterClient,
            retry,
            options.TimeProvider,
            Unavailable(options, "The stock call may or may not have been applied; repeating it with the same (source, seq) or reservation id is safe."));
        Orders = new OrdersClient(
            clusterClient,
            retry,
            Unavailable(options, "The order may or may not have been placed; placing the same order id again returns its decision and never reserves twice."));
        Health = new Health.HealthClient(clusterClient, retry, Unavailable(options, "Reading health changes nothing; repeat it."));
        Security = new SecurityClient(
            clusterClient,
            retry,
            options.TimeProvider,
            Unavailable(options, "The security call may or may not have been applied; repeating it with the same (source, seq) is safe."));
    }

    /// <summary>Customer accounts: usage, credits, payments, adjustments, balances and ledgers.</summary>
    public BillingClient Billing { get; }

    /// <summary>Events onto the cluster's lanes: publish envelopes one at a time or in batches; the cluster picks the lane.</summary>
    public EventsClient Events { get; }

    /// <summary>Invoices: issue a billing window's invoices under a price plan version, read an account's invoices.</summary>
    public InvoicesClient Invoices { get; }

    /// <summary>The reconciler: runs over a tenant's accounts per window, and the exceptions they find.</summary>
    public ReconciliationClient Reconciliation { get; }

    /// <summary>Projections (read models of the ledger): status, rebuilds, and fast balance reads.</summary>
    public Projections.ProjectionsClient Projections { get; }

    /// <summary>Stock per SKU-location: receipts and adjustments, reservations at checkout, availability per bucket and shard.</summary>
    public InventoryClient Inventory { get; }

    /// <summary>Orders: place an order (routed by the solver and reserved), read its recorded decision.</summary>
    public OrdersClient Orders { get; }

    /// <summary>Security cases: raise alerts, record identity events, move cases along their lifecycle, read and list them.</summary>
    public SecurityClient Security { get; }

    /// <summary>The cluster's health: each silo's indicators against their thresholds, and the worst of them.</summary>
    public Health.HealthClient Health { get; }

    /// <summary>The underlying Orleans client, for grains the typed APIs do not cover yet.</summary>
    public IClusterClient ClusterClient { get; }

    /// <summary>The options this client was made with.</summary>
    public ActorsClientOptions Options { get; }

    /// <summary>
    /// Connects to the cluster described by <paramref name="options"/>, retrying while it is not reachable until
    /// <see cref="ActorsClientOptions.ConnectTimeout"/> has passed.
    /// </summary>
    /// <param name="options">Profile, addresses and timeouts.</param>
    /// <param name="cancellationToken">Abandons connecting.</param>
    /// <returns>A connected client; dispose it to disconnect.</returns>
    /// <exception cref="ArgumentException">when <see cref="ActorsClientOptions.Validate"/> finds the options incomplete.</exception>
    /// <exception cref="ClusterUnavailableException">when no gateway could be reached within the connect timeout.</exception>
    public static async Task<ActorsClient> ConnectAsync(ActorsClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var time = options.TimeProvider;
        var retryFilter = new DeadlineConnectionRetryFilter(time, time.GetUtcNow() + options.ConnectTimeout, options.ConnectRetryDelay);
        var host = BuildHost(options, retryFilter);
        var target = ClusterTarget.Describe(options);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.ConnectTimeout);
        try
        {
            await host.StartAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            await StopAsync(host).ConfigureAwait(false);
            var cause = failure is OperationCanceledException ? retryFilter.LastFailure ?? failure : failure;
            var reason = cause is OperationCanceledException
                ? "no gateway answered before the deadline"
                : $"{Math.Max(retryFilter.FailedAttempts, 1)} failed attempt(s), last: {OneLine(cause.Message)}";
            throw new ClusterUnavailableException(
                options.Profile,
                target,
                $"Could not connect to the Actors cluster ({options.Profile.ToString().ToLowerInvariant()} profile, {target}) " +
                $"within {options.ConnectTimeout.TotalSeconds:0.#} s: {reason}",
                cause);
        }
        catch
        {
            await StopAsync(host).ConfigureAwait(false);
            throw;
        }

        return new ActorsClient(host.Services.GetRequiredService<IClusterClient>(), options, host);
    }

    /// <summary>
    /// Wraps an Orleans client that is already connected (a test cluster's client, or one a host built). The caller
    /// keeps ownership: disposing the returned <see cref="ActorsClient"/> does not stop <paramref name="clusterClient"/>.
    /// </summary>
    /// <param name="clusterClient">A started Orleans client of an Actors cluster.</param>
    /// <param name="options">Retry settings and clock; defaults when <see langword="null"/>.</param>
    /// <returns>A client over <paramref name="clusterClient"/>.</returns>
    public static ActorsClient FromClusterClient(IClusterClient clusterClient, ActorsClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clusterClient);
        return new ActorsClient(clusterClient, options ?? new ActorsClientOptions(), ownedHost: null);
    }

    /// <summary>Stops and releases the Orleans client when this instance created it.</summary>
    /// <returns>A task that completes when the client is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_ownedHost is not null)
        {
            await StopAsync(_ownedHost).ConfigureAwait(false);
        }
    }

    private static IHost BuildHost(ActorsClientOptions options, DeadlineConnectionRetryFilter retryFilter)
    {
        // An empty builder: a library must not pick up the calling process's appsettings, environment or console logging.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IHostLifetime, Connection.EmbeddedHostLifetime>();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.UseOrleansClient(client =>
        {
            switch (options.Profile)
            {
                case ClusterProfile.Local:
                    client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.EffectiveClusterId);
                    break;
                case ClusterProfile.Cluster:
                    client.Configure<ClusterOptions>(cluster =>
                    {
                        cluster.ClusterId = options.EffectiveClusterId;
                        cluster.ServiceId = options.ServiceId;
                    });
                    client.UseAdoNetClustering(adoNet =>
                    {
                        adoNet.Invariant = "Npgsql";
                        adoNet.ConnectionString = options.PostgresConnectionString;
                    });
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(options), options.Profile, "Unknown cluster profile.");
            }
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.ResponseTimeout);
            client.Services.AddSingleton<IClientConnectionRetryFilter>(retryFilter);
            ClientTls.Apply(client, options);
        });
        return builder.Build();
    }

    private static Func<Exception, ClusterUnavailableException> Unavailable(ActorsClientOptions options, string consequence)
    {
        var target = ClusterTarget.Describe(options);
        return failure => new ClusterUnavailableException(
            options.Profile,
            target,
            $"The cluster ({target}) did not answer after {options.Retry.MaxRetryAttempts + 1} attempt(s) (last error: {OneLine(failure.Message)}). {consequence}",
            failure);
    }

    // Driver messages (Npgsql's in particular) span lines; a CLI error should stay on one.
    private static string OneLine(string message) =>
        string.Join(' ', message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static async Task StopAsync(IHost host)
    {
        using var stopping = new CancellationTokenSource(StopTimeout);
        try
        {
            await host.StopAsync(stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            host.Dispose();
        }
    }
}
