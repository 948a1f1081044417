namespace Senco.Core.Security;

/// <summary>
/// Judges a password by what makes it guessable rather than by composition rules (NIST SP 800-63B §5.1.1.2; ASVS 2.1.7):
/// length is checked elsewhere (12 or more); this refuses passwords that attackers try first even when long: a common
/// word or phrase padded with digits and symbols ("Password123!", "liverpool2026"), keyboard runs ("qwertyuiop123"),
/// repeated or sequential characters ("111111111111", "123456789012"), and the person's own name, email or the
/// product's name.
/// </summary>
public static class CommonPasswords
{
    // Words that head every published list of breached passwords, plus what a school's staff would reach for.
    private static readonly string[] Words =
    [
        "password", "passw0rd", "p@ssword", "p@ssw0rd", "letmein", "welcome", "iloveyou", "admin", "administrator", "login",
        "qwerty", "azerty", "abc", "abcd", "abcdef", "football", "monkey", "dragon", "sunshine", "princess", "baseball",
        "starwars", "shadow", "master", "superman", "batman", "trustno1", "whatever", "freedom", "hello", "charlie",
        "liverpool", "chelsea", "arsenal", "manchester", "tottenham", "everton", "united", "england", "london",
        "school", "teacher", "student", "pupil", "classroom", "senco", "sendco", "education", "academy", "trust",
        "summer", "winter", "autumn", "spring", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "changeme", "secret", "default", "test", "guest", "computer", "internet", "google", "microsoft", "windows",
        "jesus", "love", "lovely", "family", "mummy", "daddy", "flower", "rainbow", "cookie", "pokemon", "minecraft",
    ];

    private static readonly string[] Rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertyuiopasdfghjklzxcvbnm", "12345678901234567890", "abcdefghijklmnopqrstuvwxyz", "qazwsxedcrfvtgbyhnujmikolp"];

    private static readonly HashSet<string> WordSet = new(Words, StringComparer.Ordinal);

    /// True when the password is one an attacker would try early. <paramref name="personal"/>: the user's email, name.
    public static bool IsCommon(string password, params string?[] personal)
    {
        var lower = new string(password.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (lower.Length == 0 || lower.Distinct().Count() <= 3) return true;   // "aaaaaaaaaaaa", "abababababab"
        var parts = personal.SelectMany(PersonalParts).Where(p => p.Length >= 3).Distinct().ToArray();
        return IsPredictable(lower, parts) || IsPredictable(Deleet(lower), parts);
    }

    /// Predictable when, once known words, the person's own details and keyboard or alphabet runs are taken out, fewer
    /// than four letters are left to guess, whatever digits and symbols pad them ("Summer2026!!", "liverpool2026").
    private static bool IsPredictable(string s, string[] personal)
    {
        var letters = s.Count(char.IsLetter);
        if (letters == 0)
        {
            // Digits and symbols only: a long random number is fine; a run, a date or a short one is not.
            var digits = new string(s.Where(char.IsDigit).ToArray());
            return s.Length < 16 || IsRun(digits);
        }
        var unknown = 0;
        foreach (var segment in LetterSegments(s)) unknown += UnknownLetters(segment, personal);
        return unknown < 4;
    }

    private static IEnumerable<string> LetterSegments(string s)
    {
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var letter = i < s.Length && char.IsLetter(s[i]);
            if (letter && start < 0) start = i;
            if (!letter && start >= 0) { yield return s[start..i]; start = -1; }
        }
    }

    // Fewest letters of the segment not covered by known pieces (dynamic programming over prefixes).
    private static int UnknownLetters(string segment, string[] personal)
    {
        var n = segment.Length;
        var best = new int[n + 1];
        for (var i = 1; i <= n; i++) best[i] = int.MaxValue;
        for (var i = 0; i < n; i++)
        {
            if (best[i] == int.MaxValue) continue;
            best[i + 1] = Math.Min(best[i + 1], best[i] + 1);
            for (var j = i + 3; j <= n; j++)
            {
                var piece = segment[i..j];
                if (WordSet.Contains(piece) || personal.Contains(piece) || (piece.Length >= 4 && IsRun(piece)) || piece.Distinct().Count() == 1)
                    best[j] = Math.Min(best[j], best[i]);
            }
        }
        return best[n];
    }

    // Substitutions everyone knows are the first ones an attacker tries.
    private static string Deleet(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var between = i > 0 && i < chars.Length - 1 && char.IsLetter(s[i - 1]) && char.IsLetter(s[i + 1]);
            chars[i] = chars[i] switch
            {
                '@' => 'a', '$' => 's',
                '0' when between => 'o', '1' when between => 'i', '3' when between => 'e', '5' when between => 's', '!' when between => 'i',
                var c => c,
            };
        }
        return new string(chars);
    }

    /// The whole string walks along one keyboard or alphabet row, forwards or backwards.
    private static bool IsRun(string s) =>
        s.Length >= 4 && Rows.Any(row => row.Contains(s, StringComparison.Ordinal) || new string(row.Reverse().ToArray()).Contains(s, StringComparison.Ordinal));

    private static IEnumerable<string> PersonalParts(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) yield break;
        var lower = raw.ToLowerInvariant();
        yield return new string(lower.Split('@')[0].Where(char.IsLetter).ToArray());
        foreach (var part in lower.Split(['@', '.', ' ', '-', '_', '\''], StringSplitOptions.RemoveEmptyEntries))
            if (part is not ("example" or "co" or "uk" or "org" or "sch")) yield return new string(part.Where(char.IsLetter).ToArray());
    }
}
