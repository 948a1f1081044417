using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Senco.Core.Security;

/// The fields of an audit entry that its hash covers, in the order they are hashed.
public sealed record AuditLink(long Sequence, long Id, DateTime At, Guid? UserId, string UserName, int? SchoolId, Guid? PupilId,
    string Action, string Summary, string? IpAddress);

/// A broken link: the first entry (in chain order) whose stored hash is not what its content and its predecessor give.
public sealed record ChainBreak(long Sequence, long Id, string Reason);

/// <summary>
/// Tamper evidence for the audit trail (ASVS 7.3.3/7.3.4): each sealed entry's hash is SHA-256 over the previous
/// entry's hash and the entry's own fields, so changing, deleting or reordering any sealed entry changes every hash after
/// it. Chain order is a gap-free sequence assigned at sealing (not the row id, which concurrent writers can commit out of
/// order), so a deleted entry shows as a missing sequence number.
/// </summary>
public static class AuditChain
{
    /// Hash of the (empty) chain before the first entry.
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// The entry's own fields, hashed (everything but its chain position). Kept on the entry, so that an entry's text
    /// can later be removed lawfully (retention) without breaking the chain: a redacted entry keeps this digest.
    public static string ContentHash(AuditLink e)
    {
        // A canonical, unambiguous text: each field length-prefixed so "a|b" + "c" never equals "a" + "b|c". Times to the
        // microsecond, which every supported database keeps (PostgreSQL timestamps have microsecond precision).
        var sb = new StringBuilder(256 + e.Summary.Length);
        void Field(string? v)
        {
            if (v is null) { sb.Append("-1:"); return; }
            sb.Append(v.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(v);
        }
        Field(e.Id.ToString(CultureInfo.InvariantCulture));
        Field(Truncate(e.At).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        Field(e.UserId?.ToString("D"));
        Field(e.UserName);
        Field(e.SchoolId?.ToString(CultureInfo.InvariantCulture));
        Field(e.PupilId?.ToString("D"));
        Field(e.Action);
        Field(e.Summary);
        Field(e.IpAddress);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// The chain link: SHA-256 over the previous link, this position and the entry's content digest.
    public static string Hash(string previousHash, long sequence, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var text = $"{previousHash}|{sequence.ToString(CultureInfo.InvariantCulture)}|{contentHash}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Hash(string previousHash, AuditLink e) => Hash(previousHash, e.Sequence, ContentHash(e));

    /// Drops anything finer than a microsecond, so a value hashed before and after a database round trip agrees.
    public static DateTime Truncate(DateTime at) => new(at.Ticks - at.Ticks % 10, DateTimeKind.Utc);

    /// Walks sealed entries in sequence order (starting from <paramref name="previousHash"/> at sequence
    /// <paramref name="expectedSequence"/>) and returns the first break, or null. Sequences must run without gaps. A
    /// redacted entry (its text removed under the retention policy) is checked by its stored content digest.
    public static ChainBreak? Verify(IEnumerable<SealedLink> sealedInOrder, string previousHash = Genesis, long expectedSequence = 1)
    {
        foreach (var s in sealedInOrder)
        {
            var link = s.Link;
            if (link.Sequence != expectedSequence)
            {
                return link.Sequence > expectedSequence
                    ? new ChainBreak(link.Sequence, link.Id, $"entries {expectedSequence}–{link.Sequence - 1} of the chain are missing (deleted)")
                    : new ChainBreak(link.Sequence, link.Id, $"sequence {link.Sequence} appears twice or out of order");
            }
            string content;
            if (s.Redacted)
            {
                if (string.IsNullOrEmpty(s.StoredContentHash)) return new ChainBreak(link.Sequence, link.Id, "it is marked as redacted but has no content digest");
                content = s.StoredContentHash;
            }
            else
            {
                content = ContentHash(link);
                if (s.StoredContentHash is not null && !string.Equals(content, s.StoredContentHash, StringComparison.Ordinal))
                    return new ChainBreak(link.Sequence, link.Id, "its content does not match its hash (changed after it was sealed)");
            }
            var expected = Hash(previousHash, link.Sequence, content);
            if (!string.Equals(expected, s.StoredHash, StringComparison.Ordinal))
                return new ChainBreak(link.Sequence, link.Id, "its content does not match its hash (changed after it was sealed)");
            previousHash = expected;
            expectedSequence++;
        }
        return null;
    }

    public static ChainBreak? Verify(IEnumerable<(AuditLink Link, string? StoredHash)> sealedInOrder, string previousHash = Genesis, long expectedSequence = 1) =>
        Verify(sealedInOrder.Select(x => new SealedLink(x.Link, null, x.StoredHash, false)), previousHash, expectedSequence);
}

/// A sealed entry as stored: its fields, its content digest and chain hash, and whether its text was redacted.
public sealed record SealedLink(AuditLink Link, string? StoredContentHash, string? StoredHash, bool Redacted);
