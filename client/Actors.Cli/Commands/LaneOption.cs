using System.CommandLine;

namespace Actors.Cli.Commands;

/// <summary><c>--lane critical|bulk</c>.</summary>
public static class LaneOption
{
    /// <summary>A required <c>--lane</c> option restricted to the two lanes.</summary>
    public static Option<string> Create()
    {
        var option = new Option<string>("--lane") { Description = "The lane: critical or bulk.", Required = true };
        option.AcceptOnlyFromAmong("critical", "bulk");
        return option;
    }
}
