using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Actors.Cli.Commands;

/// <summary>Options holding a duration written the way people type one: <c>500ms</c>, <c>1s</c>, <c>1.5s</c>, <c>2m</c>.</summary>
public static class DurationOption
{
    private static readonly (string Suffix, Func<double, TimeSpan> ToSpan)[] Units =
    [
        ("ms", TimeSpan.FromMilliseconds),
        ("s", TimeSpan.FromSeconds),
        ("m", TimeSpan.FromMinutes),
    ];

    /// <summary>A duration option <paramref name="name"/> between <paramref name="min"/> and <paramref name="max"/>, <paramref name="defaultValue"/> when absent.</summary>
    public static Option<TimeSpan> Create(string name, string description, TimeSpan defaultValue, TimeSpan min, TimeSpan max) => new(name)
    {
        Description = $"{description} (e.g. 500ms, 1s, 2m; default {Format(defaultValue)}).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, min, max),
    };

    /// <summary><paramref name="value"/> in the shortest unit that shows it whole.</summary>
    public static string Format(TimeSpan value) =>
        value.TotalMilliseconds % 1000 != 0 ? $"{value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms"
        : value.TotalSeconds % 60 != 0 ? $"{value.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s"
        : $"{value.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m";

    private static TimeSpan Parse(ArgumentResult result, TimeSpan min, TimeSpan max)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        foreach (var (suffix, toSpan) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                var value = toSpan(amount);
                if (value < min || value > max)
                {
                    result.AddError($"{OptionName(result)} must be between {Format(min)} and {Format(max)} (was {text}).");
                }
                return value;
            }
        }
        result.AddError($"{OptionName(result)} must be a duration such as 500ms, 1s or 2m (was '{text}').");
        return TimeSpan.Zero;
    }

    private static string OptionName(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? "the duration";
}
