using System.CommandLine.Parsing;
using System.Numerics;

namespace Actors.Cli;

/// <summary>Range checks for numeric options, so out-of-range values are parse errors (exit code 2) like malformed ones.</summary>
public static class OptionRange
{
    /// <summary>A validator that rejects values outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Action<OptionResult> Between<T>(T min, T max)
        where T : INumber<T> =>
        result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (value < min || value > max)
            {
                result.AddError($"{result.Option.Name} must be between {min} and {max} (was {value}).");
            }
        };

    /// <summary>A validator that rejects values below <paramref name="min"/>.</summary>
    public static Action<OptionResult> AtLeast<T>(T min)
        where T : INumber<T> =>
        result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (value < min)
            {
                result.AddError($"{result.Option.Name} must be {min} or greater (was {value}).");
            }
        };
}
