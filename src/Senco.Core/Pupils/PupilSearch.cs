using System.Text.RegularExpressions;

namespace Senco.Core.Pupils;

/// What someone typed to find a pupil: words of a name or a UPN, and perhaps a year group ("Year 5", "Y5", "yr 10",
/// "Reception", "Nursery 1"). "Sam year 5" finds pupils called Sam in Year 5.
public sealed record PupilSearch(IReadOnlyList<string> Words, string? YearGroup)
{
    public const int MaxLength = 100;

    public bool IsEmpty => Words.Count == 0 && YearGroup is null;

    private static readonly Regex YearPattern = new(@"\b(?:year|yr|y)\s*(\d{1,2})\b|\b(reception|rec)\b|\bnursery\s*([12])\b|\b(n[12])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static PupilSearch Parse(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length > MaxLength) s = s[..MaxLength];
        string? year = null;
        var m = YearPattern.Match(s);
        if (m.Success)
        {
            year = m.Groups[1].Success ? YearGroups.Normalise(m.Groups[1].Value)
                : m.Groups[2].Success ? "R"
                : m.Groups[3].Success ? "N" + m.Groups[3].Value
                : m.Groups[4].Value.ToUpperInvariant();
            if (year is not null) s = s.Remove(m.Index, m.Length);
        }
        // A number on its own is a year group ("5"); a longer one is part of a UPN.
        else if (YearGroups.Normalise(s) is { } alone && alone.All(char.IsDigit))
        {
            return new PupilSearch([], alone);
        }
        var words = s.ToLowerInvariant().Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6).ToList();
        return new PupilSearch(words, year);
    }
}
