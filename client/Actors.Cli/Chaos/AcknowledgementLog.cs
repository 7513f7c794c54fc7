using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Cli.Chaos;

/// <summary>
/// Every call the SDK acknowledged, in memory for the verifier and as JSON lines in a file, so a failed run can be
/// examined after the fact. Safe for concurrent writers.
/// </summary>
public sealed class AcknowledgementLog : IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly List<Acknowledgement> _entries = [];
    private readonly StreamWriter? _file;
    private readonly Lock _gate = new();

    /// <summary>A log kept only in memory (tests).</summary>
    public AcknowledgementLog()
    {
    }

    /// <summary>A log that also appends one JSON line per acknowledgement to <paramref name="path"/>.</summary>
    public AcknowledgementLog(string path)
    {
        FilePath = path;
        _file = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    /// <summary>The JSONL file, if any.</summary>
    public string? FilePath { get; }

    /// <summary>Entries so far.</summary>
    public int Count
    {
        get { lock (_gate) { return _entries.Count; } }
    }

    /// <summary>Records <paramref name="acknowledgement"/>.</summary>
    public void Add(Acknowledgement acknowledgement)
    {
        lock (_gate)
        {
            _entries.Add(acknowledgement);
            _file?.WriteLine(JsonSerializer.Serialize(acknowledgement, JsonOptions));
        }
    }

    /// <summary>A copy of every entry so far, in the order they arrived.</summary>
    public IReadOnlyList<Acknowledgement> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file?.Dispose();
}
