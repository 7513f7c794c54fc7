using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Actors.Cli.Output;

/// <summary>
/// Where a command's result goes: text (through Spectre.Console, tables and progress bars) or exactly one JSON
/// document with <c>--json</c>. Diagnostics always go to stderr, so stdout stays parseable.
/// </summary>
public sealed class CommandOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Scripts match on names, not numbers: "missing-usage", "open", "completed".
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private const int PipedWidth = 240;

    private readonly CliContext _context;

    public CommandOutput(CliContext context, bool json)
    {
        _context = context;
        IsJson = json;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });
        if (!Console.Profile.Out.IsTerminal)
        {
            // Piped or captured output has no width; Spectre would assume 80 columns and wrap every table row.
            Console.Profile.Width = PipedWidth;
        }
    }

    /// <summary>True with <c>--json</c>: the command prints one JSON document and nothing else on stdout.</summary>
    public bool IsJson { get; }

    /// <summary>The text console on stdout (only for text mode).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>True when stdout is a terminal that can redraw a live progress bar.</summary>
    public bool CanShowProgress => !IsJson && Console.Profile.Capabilities.Interactive;

    /// <summary>Writes <paramref name="value"/> as one JSON document (camelCase) on stdout.</summary>
    public void WriteJson<T>(T value)
    {
        _context.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        _context.Out.Flush();
    }

    /// <summary>Writes <paramref name="text"/> verbatim as a line on stdout (no markup, no wrapping at the console width).</summary>
    public void WriteLine(string text) => _context.Out.WriteLine(text);

    /// <summary>Writes a diagnostic line on stderr.</summary>
    public void WriteError(string message)
    {
        _context.Error.WriteLine(message);
        _context.Error.Flush();
    }
}
