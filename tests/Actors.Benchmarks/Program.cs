using Actors.Benchmarks;

// Benchmarks are programs, not tests: they print figures with their baseline measured in the same run.
return args.FirstOrDefault() switch
{
    "ingest" => await IngestCommand.RunAsync(args[1..]),
    "lanes" => await LanesCommand.RunAsync(args[1..]),
    "rebuild" => await RebuildCommand.RunAsync(args[1..]),
    "reconcile" => await ReconcileCommand.RunAsync(args[1..]),
    "fulfillment" => FulfillmentCommand.Run(args[1..]),
    "checkout" => await CheckoutCommand.RunAsync(args[1..]),
    "gateway" => await GatewayCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Actors.Benchmarks ingest [--profile local|cluster] [--events N] [--accounts N] [--concurrency N] [--rounds N] [--warmup N] [--raw-batch N] [--postgres CS] [--json]");
    Console.Error.WriteLine($"       Actors.Benchmarks {RebuildArguments.Usage}");
    Console.Error.WriteLine($"       Actors.Benchmarks {ReconcileArguments.Usage}");
    Console.Error.WriteLine($"       Actors.Benchmarks {FulfillmentArguments.Usage}");
    Console.Error.WriteLine($"       Actors.Benchmarks {CheckoutArguments.Usage}");
    Console.Error.WriteLine($"       Actors.Benchmarks {GatewayArguments.Usage}");
    Console.Error.WriteLine("       Actors.Benchmarks lanes [--profile local|kafka-mock] [--postgres CS] [--critical-rate N] [--bulk-rate N] [--seconds N] [--accounts N] [--json]");
    return 2;
}
