namespace Senco.Core;

/// <summary>
/// A school (academic) year, 1 September to 31 August: the period the Education Act 1996 s579 calls a
/// school year for most purposes, and the one the census, CTF and DfE statistics use.
/// </summary>
public readonly record struct SchoolYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 9, 1);
    public DateOnly End => new(StartYear + 1, 8, 31);

    /// <summary>"2026/27".</summary>
    public string Label => $"{StartYear}/{(StartYear + 1) % 100:00}";

    public SchoolYear Next => new(StartYear + 1);
    public SchoolYear Previous => new(StartYear - 1);

    public bool Contains(DateOnly d) => d >= Start && d <= End;

    public static SchoolYear Containing(DateOnly d) => new(d.Month >= 9 ? d.Year : d.Year - 1);

    /// <summary>Parses "2026/27" (the second part must be the following year).</summary>
    public static bool TryParse(string? s, out SchoolYear year)
    {
        year = default;
        if (s is null) return false;
        var parts = s.Trim().Split('/');
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length != 2) return false;
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start)) return false;
        if (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var end)) return false;
        if (start < 1900 || (start + 1) % 100 != end) return false;
        year = new SchoolYear(start);
        return true;
    }

    public override string ToString() => Label;
}
