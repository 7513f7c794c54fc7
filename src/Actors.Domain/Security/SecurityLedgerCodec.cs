using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Domain.Security;

/// <summary>
/// The payload column of the security ledgers: camelCase JSON of <see cref="CaseChange"/> and <see cref="IntakeEntry"/>,
/// enums by name, nulls left out.
/// </summary>
public static class SecurityLedgerCodec
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The payload of a case ledger row.</summary>
    public static string Serialize(CaseChange change) => JsonSerializer.Serialize(change, Options);

    /// <summary>The payload of an intake ledger row.</summary>
    public static string Serialize(IntakeEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>A case ledger row's change.</summary>
    /// <exception cref="JsonException">when the payload is not a case change.</exception>
    public static CaseChange ReadCaseChange(string payload) =>
        JsonSerializer.Deserialize<CaseChange>(payload, Options) ?? throw new JsonException("case ledger payload is null.");

    /// <summary>An intake ledger row's entry.</summary>
    /// <exception cref="JsonException">when the payload is not an intake entry.</exception>
    public static IntakeEntry ReadIntakeEntry(string payload) =>
        JsonSerializer.Deserialize<IntakeEntry>(payload, Options) ?? throw new JsonException("intake ledger payload is null.");
}
