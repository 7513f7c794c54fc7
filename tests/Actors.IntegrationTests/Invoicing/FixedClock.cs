namespace Actors.IntegrationTests.Invoicing;

/// <summary>A clock that says what the test set; issue times become predictable.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
