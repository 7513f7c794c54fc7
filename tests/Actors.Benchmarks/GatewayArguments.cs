namespace Actors.Benchmarks;

/// <summary>Arguments of <c>gateway</c>; bad input ends the program with a message and exit code 2.</summary>
internal sealed record GatewayArguments(int Requests, int Concurrency, int BatchSize, int Accounts, int Rounds, int WarmupRounds, bool Json)
{
    public const string Usage = "gateway [--requests N] [--concurrency N] [--batch N] [--accounts N] [--rounds N] [--warmup N] [--json]";

    public static GatewayArguments Parse(string[] args)
    {
        var options = new OptionValues(args, Usage);
        var batch = options.Positive("batch", 4);
        if (batch > Actors.Client.Events.EventsClient.MaxEnvelopesPerCall)
        {
            throw new ArgumentException($"--batch must be at most {Actors.Client.Events.EventsClient.MaxEnvelopesPerCall} (one request is one ingress call).");
        }
        return new GatewayArguments(options.Positive("requests", 4_000), options.Positive("concurrency", 32), batch,
            options.Positive("accounts", 16), options.Positive("rounds", 5), options.NonNegative("warmup", 3), options.Json);
    }
}
