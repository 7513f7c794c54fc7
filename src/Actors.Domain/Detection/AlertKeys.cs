using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Domain.Detection;

/// <summary>
/// Deterministic alert keys. The security cases deduplicate alerts by <c>(source, seq)</c> per tenant, with one source per
/// rule, so the seq must tell groups apart as well as windows: it is a 63-bit hash of (rule, group field, group value,
/// window start). Two different windows colliding is a 2^-63 event; the same window always gets the same seq.
/// </summary>
public static class AlertKeys
{
    /// <summary>The alert seq of <paramref name="rule"/> firing for <paramref name="group"/> in the window starting at <paramref name="windowStart"/>.</summary>
    public static long Seq(DetectionRule rule, string group, DateTimeOffset windowStart)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var text = $"{rule.Name}\n{rule.GroupBy}\n{group}\n{windowStart.UtcTicks}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var seq = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) & long.MaxValue);
        // Seqs are positive; zero is the one hash value that is not.
        return seq == 0 ? 1 : seq;
    }
}
