namespace Actors.Cli.Demo;

/// <summary>One send of an event (by index into the plan's events) after a pause, as a flaky producer would retry it.</summary>
public readonly record struct PlannedSend(int EventIndex, int DelayMilliseconds);
