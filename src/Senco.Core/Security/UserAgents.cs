namespace Senco.Core.Security;

/// <summary>
/// "Chrome on Windows", "Safari on iPhone": a browser's User-Agent header in the words a person uses for their devices,
/// so they can tell their own sessions from someone else's. Only the common browsers and systems are named; anything
/// else is "Another browser". The header is the browser's own claim, shown as a hint, never trusted for a decision.
/// </summary>
public static class UserAgents
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Unknown browser on an unknown device";
        return $"{Browser(userAgent)} on {Platform(userAgent)}";
    }

    /// <summary>
    /// The program behind an API token, as its User-Agent names it: the first product token ("curl/8.5.0",
    /// "python-requests/2.31.0", "SchoolMIS-Sync/3.2"), at most 60 characters of letters, digits and ". _ - /".
    /// A browser's header names a browser instead (a token fetched from a browser's script).
    /// </summary>
    public static string DescribeProgram(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "A program that gave no name";
        var ua = userAgent.Trim();
        if (ua.StartsWith("Mozilla/", StringComparison.Ordinal)) return Describe(ua);
        var first = ua.Split(' ', 2)[0];
        var kept = new string(first.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/').Take(60).ToArray());
        return kept.Length == 0 ? "A program that gave no name" : kept;
    }

    public static string Browser(string ua)
    {
        bool Has(string s) => ua.Contains(s, StringComparison.OrdinalIgnoreCase);
        if (Has("Edg/") || Has("EdgA/") || Has("EdgiOS/")) return "Edge";
        if (Has("OPR/") || Has("Opera")) return "Opera";
        if (Has("SamsungBrowser/")) return "Samsung Internet";
        if (Has("Firefox/") || Has("FxiOS/")) return "Firefox";
        if (Has("Chrome/") || Has("CriOS/") || Has("Chromium/")) return "Chrome";
        if (Has("Safari/") && Has("Version/")) return "Safari";
        return "Another browser";
    }

    public static string Platform(string ua)
    {
        bool Has(string s) => ua.Contains(s, StringComparison.OrdinalIgnoreCase);
        if (Has("iPhone")) return "iPhone";
        if (Has("iPad")) return "iPad";
        if (Has("Android")) return "Android";
        if (Has("Windows")) return "Windows";
        if (Has("CrOS")) return "Chromebook";
        if (Has("Macintosh") || Has("Mac OS X")) return "Mac";
        if (Has("Linux")) return "Linux";
        return "an unknown device";
    }
}
