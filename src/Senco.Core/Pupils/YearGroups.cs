namespace Senco.Core.Pupils;

/// <summary>
/// National curriculum year groups as the school census records them (NCyearActual): N1, N2, R, 1-14.
/// Years 12-14 cover post-16 in schools; an EHC plan can run to 25, but the census stops at 14.
/// </summary>
public static class YearGroups
{
    public static IReadOnlyList<string> All { get; } =
        new[] { "N1", "N2", "R" }.Concat(Enumerable.Range(1, 14).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList().AsReadOnly();

    /// <summary>Exactly one of <see cref="All"/>, ignoring case and surrounding spaces.</summary>
    public static bool IsValid(string? s) => Normalise(s) is not null;

    /// <summary>The canonical form ("r" becomes "R", " 7 " becomes "7"), or null if not a year group.</summary>
    public static string? Normalise(string? s)
    {
        if (s is null) return null;
        var t = s.Trim().ToUpperInvariant();
        return All.Contains(t) ? t : null;
    }

    /// <summary>Sort key: N1 = -2, N2 = -1, R = 0, Year 1 = 1 ... Year 14 = 14.</summary>
    /// <exception cref="ArgumentException">Not a year group.</exception>
    public static int Order(string s) => Normalise(s) switch
    {
        "N1" => -2,
        "N2" => -1,
        "R" => 0,
        { } n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture),
        null => throw new ArgumentException($"\"{s}\" is not a year group.", nameof(s)),
    };

    /// <summary>"Nursery 1", "Nursery 2", "Reception", "Year 1" ... "Year 14".</summary>
    /// <exception cref="ArgumentException">Not a year group.</exception>
    public static string Label(string s) => Normalise(s) switch
    {
        "N1" => "Nursery 1",
        "N2" => "Nursery 2",
        "R" => "Reception",
        { } n => "Year " + n,
        null => throw new ArgumentException($"\"{s}\" is not a year group.", nameof(s)),
    };

    /// <summary>The year group a pupil moves into next September, or null after Year 14.</summary>
    public static string? Next(string s)
    {
        var order = Order(s);
        return order >= 14 ? null : All[order + 3];
    }
}
