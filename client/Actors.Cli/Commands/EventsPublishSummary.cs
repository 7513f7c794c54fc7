namespace Actors.Cli.Commands;

/// <summary>What <c>actors events publish</c> did: how many events went onto which lane, and how fast.</summary>
/// <param name="File">The file published (<c>stdin</c> for <c>-</c>).</param>
/// <param name="Events">Events durably enqueued.</param>
/// <param name="Batches">Calls made to the cluster's ingress (each at most <c>--batch</c> events).</param>
/// <param name="Lanes">Events per lane, from the cluster's receipts.</param>
/// <param name="ElapsedSeconds">Time spent publishing (after the file was read and the cluster connected).</param>
/// <param name="EventsPerSecond">Events divided by elapsed time.</param>
public sealed record EventsPublishSummary(
    string File,
    int Events,
    int Batches,
    IReadOnlyDictionary<string, int> Lanes,
    double ElapsedSeconds,
    double EventsPerSecond);
