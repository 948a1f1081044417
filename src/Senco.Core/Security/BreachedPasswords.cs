using System.IO.Compression;

namespace Senco.Core.Security;

/// <summary>
/// Passwords known from data breaches (ASVS 2.1.7; NIST SP 800-63B §5.1.1.2 "passwords obtained from previous breach
/// corpuses"). An offline list, so no password or hash of one ever leaves the server: every password of 12 or more
/// characters among the 1,000,000 most common in SecLists' ten-million-password list (MIT licence), lower-cased.
/// Shorter ones never get this far: the length rule refuses them. Regenerate with scripts/generate-breached-passwords.sh.
/// Loaded once, on first use, into a set (about 44,000 entries, a few megabytes).
/// </summary>
public static class BreachedPasswords
{
    private const string Resource = "Senco.Core.Security.BreachedPasswords.txt.gz";

    private static readonly Lazy<HashSet<string>> Set = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// How many passwords the list holds.
    public static int Count => Set.Value.Count;

    /// True when the password, ignoring case and surrounding spaces, is in the list.
    public static bool Contains(string? password) =>
        !string.IsNullOrWhiteSpace(password) && Set.Value.Contains(password.Trim().ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(BreachedPasswords).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"The embedded list {Resource} is missing from Senco.Core.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        var set = new HashSet<string>(50_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
