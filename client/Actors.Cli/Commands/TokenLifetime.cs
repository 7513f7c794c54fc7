using System.CommandLine.Parsing;
using System.Globalization;

namespace Actors.Cli.Commands;

/// <summary>Parses a token lifetime the way people type one: <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>.</summary>
public static class TokenLifetime
{
    /// <summary>Longest lifetime a development token may have.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(365);

    private static readonly (string Suffix, Func<double, TimeSpan> ToSpan)[] Units =
    [
        ("s", TimeSpan.FromSeconds),
        ("m", TimeSpan.FromMinutes),
        ("h", TimeSpan.FromHours),
        ("d", TimeSpan.FromDays),
    ];

    /// <summary>The lifetime in <paramref name="result"/>'s one token; adds a parse error when it is not one.</summary>
    public static TimeSpan Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        foreach (var (suffix, toSpan) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                var value = toSpan(amount);
                if (value < TimeSpan.FromSeconds(1) || value > Max)
                {
                    result.AddError($"--ttl must be between 1s and 365d (was {text}).");
                }
                return value;
            }
        }
        result.AddError($"--ttl must be a duration such as 90s, 15m, 1h or 7d (was '{text}').");
        return TimeSpan.Zero;
    }
}
