using Actors.Contracts.Invoicing;
using Actors.Domain.Invoicing;

namespace Actors.Domain.Tests.Invoicing;

/// <summary>Usage items for calculator tests: the position doubles as a sequence number and the minute in the window.</summary>
internal static class Usage
{
    public static UsageItem At(long position, string window, string meter, long quantity) =>
        new(position, "meter-1", position, meter, quantity, null, BillingWindow.Parse(window).Start.AddMinutes(position));
}
