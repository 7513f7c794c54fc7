using System.CommandLine;
using Actors.Contracts;

namespace Actors.Cli.Commands;

/// <summary><c>--tenant</c> for commands that address a whole tenant.</summary>
public static class TenantOption
{
    /// <summary>A required <c>--tenant</c> option.</summary>
    public static Option<string> Create() => new("--tenant") { Description = "The tenant.", Required = true };

    /// <summary>The tenant given, validated (throws <c>InvalidEventException</c> before anything is sent).</summary>
    public static string Read(ParseResult parse, Option<string> option)
    {
        var tenant = parse.GetRequiredValue(option);
        EntityKey.Validate("tenant", tenant);
        return tenant;
    }
}
