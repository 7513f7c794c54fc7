using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Actors.Contracts;

namespace Actors.Domain.Security;

/// <summary>
/// The ledger keys of the security ledgers and the ids of the cases. Alerts, identity events and transitions come from
/// producers that number independently, so each kind gets its own source prefix on a ledger and they cannot collide.
/// </summary>
public static partial class CaseKeys
{
    /// <summary>Ledger source prefix of alerts.</summary>
    public const string AlertPrefix = "alert:";

    /// <summary>Ledger source prefix of identity events.</summary>
    public const string IdentityPrefix = "identity:";

    /// <summary>Ledger source prefix of case transitions.</summary>
    public const string TransitionPrefix = "transition:";

    private const string CaseIdPrefix = "case-";

    [GeneratedRegex("[^A-Za-z0-9._:@-]")]
    private static partial Regex NotAllowed();

    /// <summary>The ledger source of an alert from <paramref name="source"/>.</summary>
    public static string Alert(string source) => AlertPrefix + source;

    /// <summary>The ledger source of an identity event from <paramref name="source"/>.</summary>
    public static string Identity(string source) => IdentityPrefix + source;

    /// <summary>The ledger source of a transition requested through <paramref name="source"/>.</summary>
    public static string Transition(string source) => TransitionPrefix + source;

    /// <summary>
    /// The id of the case an alert opens: <c>case-{source}-{seq}</c>, so a retry of the alert can only ever open that one
    /// case. A source with characters a key may not hold, or too long, is cleaned and suffixed with a hash of the original,
    /// so two sources that clean to the same text still get different ids.
    /// </summary>
    public static string CaseIdFor(string source, long seq)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        var seqText = seq.ToString(CultureInfo.InvariantCulture);
        var plain = $"{CaseIdPrefix}{source}-{seqText}";
        if (plain.Length <= EntityKey.MaxPartLength && !NotAllowed().IsMatch(source))
        {
            return plain;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..12];
        var room = EntityKey.MaxPartLength - CaseIdPrefix.Length - hash.Length - seqText.Length - 2;
        var cleaned = NotAllowed().Replace(source, "-");
        return $"{CaseIdPrefix}{cleaned[..Math.Min(cleaned.Length, room)]}-{hash}-{seqText}";
    }
}
