using Actors.Cli;

return await ActorsCli.RunAsync(args, CliContext.ForProcess(), CancellationToken.None);
